import type { EChartsOption } from 'echarts';
import { formatNumber } from './format';
import type { Lang } from './messages';
import type { ChartSpec } from './publishing';

/**
 * ECharts option builders shared by the web (live charts) and the server (SVG rendering for DOCX/PDF), so
 * that a chart in a report is the very chart on the screen. Options are plain data: no functions that
 * would not survive the trip, except the label formatters, which both sides run.
 */

export const CHART_COLORS = ['#1f5fa8', '#9bb7d9', '#c0392b', '#2e8b57', '#e0a526', '#6c5b7b'];
export const GROWTH_UP = '#2e8b57';
export const GROWTH_DOWN = '#c0392b';

export interface ChartLook {
  /** `Times New Roman` in documents, the app's font on screen. */
  fontFamily?: string;
  fontSize?: number;
  /** Server rendering: no animation. */
  animation?: boolean;
  /** Documents print the title as a caption under the chart instead. */
  showTitle?: boolean;
}

const base = (spec: ChartSpec, look: ChartLook): EChartsOption => ({
  animation: look.animation ?? true,
  color: CHART_COLORS,
  textStyle: { fontFamily: look.fontFamily ?? 'sans-serif', fontSize: look.fontSize ?? 12, color: '#222' },
  title: {
    show: look.showTitle ?? true,
    text: spec.title,
    left: 'center',
    top: 4,
    textStyle: {
      fontSize: (look.fontSize ?? 12) + 1,
      fontWeight: 'bold',
      fontFamily: look.fontFamily ?? 'sans-serif',
    },
  },
});

/** Values per category for several series (e.g. this year and the previous year), as grouped bars. */
export function groupedBarOption(spec: ChartSpec, lang: Lang, look: ChartLook = {}): EChartsOption {
  return {
    ...base(spec, look),
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: look.showTitle === false ? 28 : 48, bottom: 36, containLabel: true },
    xAxis: {
      type: 'category',
      data: spec.categories,
      axisLabel: { interval: 0, width: 110, overflow: 'break' },
    },
    yAxis: {
      type: 'value',
      name: spec.unit,
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: (v: number) => formatNumber(v, lang) },
    },
    series: spec.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      barMaxWidth: 36,
      // The latest series (the period itself) in the strong colour, earlier ones lighter.
      itemStyle: { color: i === spec.series.length - 1 ? CHART_COLORS[0] : CHART_COLORS[1] },
      label: {
        show: spec.categories.length <= 6,
        position: 'top',
        fontSize: (look.fontSize ?? 12) - 2,
        formatter: (p: { value: unknown }) => (p.value === null ? '' : formatNumber(Number(p.value), lang)),
      },
    })),
  };
}

/** Growth in % per category, horizontal bars, green up and red down, sorted as given. */
export function growthBarOption(spec: ChartSpec, lang: Lang, look: ChartLook = {}): EChartsOption {
  const data = (spec.series[0]?.data ?? []).map((v) => ({
    value: v,
    itemStyle: { color: (v ?? 0) >= 0 ? GROWTH_UP : GROWTH_DOWN },
  }));
  return {
    ...base(spec, look),
    grid: { left: 8, right: 48, top: look.showTitle === false ? 12 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${formatNumber(v, lang)}%` } },
    yAxis: { type: 'category', data: spec.categories, inverse: true },
    series: [
      {
        type: 'bar',
        name: spec.series[0]?.name ?? '',
        data,
        barMaxWidth: 22,
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: unknown }) =>
            p.value === null ? '–' : `${formatNumber(Number(p.value), lang, 1)}%`,
        },
      },
    ],
  };
}

/** A monthly trend: one line per series over the categories (months). */
export function trendLineOption(spec: ChartSpec, lang: Lang, look: ChartLook = {}): EChartsOption {
  return {
    ...base(spec, look),
    legend: { bottom: 0 },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 40, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: spec.categories, boundaryGap: false },
    yAxis: { type: 'value', name: spec.unit, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: spec.series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      smooth: false,
      symbolSize: 6,
    })),
  };
}

/** The option for a report chart block. */
export function chartOption(spec: ChartSpec, lang: Lang, look: ChartLook = {}): EChartsOption {
  switch (spec.kind) {
    case 'sections':
      return groupedBarOption(spec, lang, look);
    case 'products-growth':
      return growthBarOption(spec, lang, look);
  }
}
