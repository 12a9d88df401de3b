// The ECharts parts of the choropleth map: the map series and its colour scale.
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';

export const mapParts = [MapChart, VisualMapComponent];
