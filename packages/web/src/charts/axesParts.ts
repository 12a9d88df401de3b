// The ECharts parts of the charts on axes: history, target progress and pillar bars.
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';

export const axesParts = [BarChart, LineChart, ScatterChart, GridComponent, LegendComponent];
