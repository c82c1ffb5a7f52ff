import { run } from '../main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function capture(stream: NodeJS.WriteStream, sink: (text: string) => void) {
  return jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
}

/** Runs `gongkai ARGS…` in-process, as the shell would, and captures both output streams. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = capture(process.stdout, (t) => (stdout += t));
  const err = capture(process.stderr, (t) => (stderr += t));
  process.exitCode = undefined;
  try {
    const code = await run(['node', 'gongkai', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}
