import type { EChartsOption } from 'echarts';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

/**
 * ECharts, only the parts our option builders (contracts/charts.ts) use, in a chunk of its own: pages load
 * it lazily, so the initial JavaScript does not carry it.
 */
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export default function EChart(props: {
  option: EChartsOption;
  height?: number;
  /** The chart's text equivalent for screen readers. */
  label: string;
  onClick?: (p: { name: string; seriesName?: string; dataIndex: number }) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(props.onClick);
  click.current = props.onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as { name: string; seriesName?: string; dataIndex: number }));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={props.label}
      style={{ width: '100%', height: props.height ?? 280 }}
    />
  );
}
