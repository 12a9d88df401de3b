/** @jsxRuntime automatic */

/**
 * A chart: ECharts' SVG inline, left to right in every language (ECharts anchors its text for
 * left-to-right; inheriting rtl would shift every label), with its caption in the reader's
 * direction.
 */
export function Chart({
  svg,
  caption,
  className,
}: {
  svg: string;
  caption: string;
  className?: string;
}) {
  return (
    <figure className={className ? `chart ${className}` : 'chart'}>
      <div
        className="chart-svg"
        dir="ltr"
        role="img"
        aria-label={caption}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: ECharts' own SVG of the report's figures, its text escaped
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
