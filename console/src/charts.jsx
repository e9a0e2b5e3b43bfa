// Chart.js, with only the parts the dashboard draws (bundled; nothing from a CDN).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export const PALETTE = ['#2f6f9f', '#d9822b', '#3c9a5f', '#b03a48', '#7a5ea8', '#8c8c3a', '#4aa3a1', '#c4639a'];

/** One chart on a canvas; `name` marks it for the page (and its tests) with its total. */
export function ChartView({ name, type, data, options, label }) {
  const canvas = useRef(null);
  const chart = useRef(null);
  useEffect(() => {
    chart.current = new Chart(canvas.current, {
      type,
      data,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...options },
    });
    return () => chart.current.destroy();
  }, [type]);
  useEffect(() => {
    chart.current.data = data;
    chart.current.options = { responsive: true, maintainAspectRatio: false, animation: false, ...options };
    chart.current.update();
  }, [data, options]);
  const total = data.datasets.reduce(
    (sum, set) => sum + set.data.reduce((s, value) => s + (typeof value === 'number' && !isNaN(value) ? value : 0), 0),
    0,
  );
  return (
    <div class="chart">
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        data-chart={name}
        data-total={String(total)}
        data-series={String(data.datasets.length)}
      />
    </div>
  );
}
