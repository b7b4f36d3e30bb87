// Time series charts with uPlot (the global from /console/lib/uplot/uPlot.iife.min.js). Points arrive one by one
// (the live stream) or in bulk (the historian, the overview's counts); the chart redraws at most every REDRAW_MS,
// so a fast stream costs an array push per point, not a redraw; and a series keeps at most one point per minGapMs
// (the newest), so 1,000 events a second do not pile up points no one can see.
import {h, clear, timeOfDay} from './dom.js';

const REDRAW_MS = 250;
const COLORS = ['#1e88e5', '#e53935', '#43a047', '#fb8c00', '#8e24aa', '#00897b', '#6d4c41', '#d81b60',
  '#3949ab', '#7cb342', '#f4511e', '#546e7a'];

/** Local times of day on the x axis: HH:MM:SS, with milliseconds when the ticks are closer than a second. */
function timeLabels(u, ticks) {
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  return ticks.map(t => {
    const text = timeOfDay(t * 1000);
    return step < 1 ? text : text.slice(0, 8);
  });
}

export class TimeChart {
  /**
   * @param host the element the chart fills
   * @param options yLabel, height (px), windowSec (points older are dropped), maxPoints (per series),
   *        maxSeries (more series are not drawn; `ignoredSeries` counts them), minGapMs (closer points of a
   *        series replace each other), bars (draw as bars)
   */
  constructor(host, options = {}) {
    this.host = host;
    this.options = Object.assign({yLabel: '', height: 240, windowSec: 3600, maxPoints: 3600, maxSeries: 12, minGapMs: 100}, options);
    this.series = new Map();
    this.ignoredSeries = new Set();
    this.plot = null;
    this.names = [];
    this.timer = null;
    this.host.classList.add('chart');
    this.host.dataset.points = '0';
    if (!window.uPlot) {
      this.host.appendChild(h('p', {class: 'muted'}, 'The chart library (uPlot) did not load.'));
      return;
    }
    this.resize = new ResizeObserver(() => {
      if (this.plot) this.plot.setSize({width: this.width(), height: this.options.height});
    });
    this.resize.observe(this.host);
    this.schedule();
  }

  width() {
    return Math.max(300, this.host.clientWidth - 8);
  }

  /** Adds one point (t in ms since the epoch); points out of order (the historian's) are put in their place. */
  add(name, tMs, value) {
    if (typeof value !== 'number' || !isFinite(value)) return;
    let s = this.series.get(name);
    if (!s) {
      if (this.series.size >= this.options.maxSeries) {
        this.ignoredSeries.add(name);
        return;
      }
      s = {t: [], v: []};
      this.series.set(name, s);
    }
    const t = tMs / 1000;
    const n = s.t.length;
    if (n > 0 && t >= s.t[n - 1] && (t - s.t[n - 1]) * 1000 < this.options.minGapMs) {
      s.v[n - 1] = value;
    } else if (n === 0 || t >= s.t[n - 1]) {
      s.t.push(t);
      s.v.push(value);
    } else {
      let lo = 0, hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (s.t[mid] <= t) lo = mid + 1; else hi = mid;
      }
      s.t.splice(lo, 0, t);
      s.v.splice(lo, 0, value);
    }
    if (s.t.length > this.options.maxPoints * 1.1) {
      const cut = s.t.length - this.options.maxPoints;
      s.t.splice(0, cut);
      s.v.splice(0, cut);
    }
    this.schedule();
  }

  /** Replaces a whole series (times in ms, oldest first). */
  replace(name, times, values) {
    this.series.set(name, {t: times.map(t => t / 1000), v: values.slice()});
    this.schedule();
  }

  /** A new label of the y axis (the chart is built again on its next redraw). */
  setLabel(label) {
    this.options.yLabel = label;
    this.names = null;
    this.schedule();
  }

  clearData() {
    this.series.clear();
    this.ignoredSeries.clear();
    this.schedule();
  }

  schedule() {
    if (this.timer || !window.uPlot) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.draw();
    }, REDRAW_MS);
  }

  /** The points of every series on one time axis, as uPlot takes them: [[t...], [v or null...], ...]. */
  aligned(names) {
    const horizon = Date.now() / 1000 - this.options.windowSec;
    for (const s of this.series.values()) {
      let cut = 0;
      while (cut < s.t.length && s.t[cut] < horizon) cut++;
      if (cut) { s.t.splice(0, cut); s.v.splice(0, cut); }
    }
    const all = [];
    for (const name of names) all.push(...this.series.get(name).t);
    all.sort((a, b) => a - b);
    const xs = [];
    for (const t of all) if (xs.length === 0 || xs[xs.length - 1] !== t) xs.push(t);
    const data = [xs];
    for (const name of names) {
      const s = this.series.get(name);
      const ys = new Array(xs.length).fill(null);
      let j = 0;
      for (let i = 0; i < s.t.length; i++) {
        while (xs[j] < s.t[i]) j++;
        ys[j] = s.v[i];
      }
      data.push(ys);
    }
    return data;
  }

  draw() {
    const names = [...this.series.keys()].sort();
    const data = this.aligned(names);
    if (!this.plot || !this.names || names.join('\n') !== this.names.join('\n')) {
      this.build(names, data);
    } else {
      this.plot.setData(data);
    }
    let points = 0;
    for (const s of this.series.values()) points += s.t.length;
    this.host.dataset.points = String(points);
    this.host.dataset.series = names.join(',');
  }

  build(names, data) {
    if (this.plot) this.plot.destroy();
    clear(this.host);
    this.names = names;
    const bars = this.options.bars && window.uPlot.paths && window.uPlot.paths.bars
      ? window.uPlot.paths.bars({size: [0.9, 8]}) : undefined;
    const series = [{label: 'time'}].concat(names.map((name, i) => ({
      label: name,
      stroke: COLORS[i % COLORS.length],
      fill: this.options.bars ? COLORS[i % COLORS.length] + '55' : undefined,
      width: 1.5,
      spanGaps: true,
      paths: bars,
      points: this.options.bars ? {show: false} : {size: 4},
    })));
    this.plot = new window.uPlot({
      width: this.width(),
      height: this.options.height,
      series,
      scales: {x: {time: true}},
      axes: [{values: timeLabels, space: 70}, {label: this.options.yLabel, size: 60}],
      legend: {show: true, live: true},
      cursor: {drag: {x: true, y: false}},
    }, data, this.host);
  }

  destroy() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.resize) this.resize.disconnect();
    if (this.plot) this.plot.destroy();
    this.plot = null;
  }
}
