/** A file that cannot be read as an annual report; the message is for the clerk, in Chinese. */
export class ReportParseError extends Error {}
