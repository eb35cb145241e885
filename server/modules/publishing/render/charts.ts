import * as echarts from 'echarts';
import { chartOption } from '../../../../contracts/charts';
import type { Lang } from '../../../../contracts/messages';
import type { ChartSpec } from '../../../../contracts/publishing';
import { FONT } from './layout';

export const CHART_SIZE = { width: 640, height: 340 } as const;

/** The chart as SVG, from the same option the web draws (ECharts server-side rendering, no DOM). */
export function renderChartSvg(
  spec: ChartSpec,
  lang: Lang,
  size: { width: number; height: number } = CHART_SIZE,
): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption(
      chartOption(spec, lang, {
        fontFamily: `${FONT}, Liberation Serif, serif`,
        fontSize: 13,
        animation: false,
        showTitle: false,
      }),
    );
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
