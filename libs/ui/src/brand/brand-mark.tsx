/** The seal-like square with 公, drawn inline so it needs no asset pipeline. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="30" height="30" rx="6" fill="#b4232a" />
      <rect
        x="3.5"
        y="3.5"
        width="25"
        height="25"
        rx="4"
        fill="none"
        stroke="#fff"
        strokeOpacity="0.55"
      />
      <text
        x="16"
        y="22.5"
        textAnchor="middle"
        fontSize="18"
        fontWeight="700"
        fill="#fff"
        fontFamily="'Noto Serif CJK SC','Songti SC','SimSun',serif"
      >
        公
      </text>
    </svg>
  );
}
