// The Mnas dashboard: reads the API under /api/v1 with the key the user gives (kept in sessionStorage; a #key=… fragment
// fills it), and follows the selected campaign's event stream to update itself without reloading. A campaign that trains
// a supernet also shows it: progress and per-epoch curves, and P_θ as a heat map (fbnet, fbnetv2), or the BN indicator
// as a heat map, its ranking stability, the evolution over it and the subnets it chose (bn-nas). An fbnetv3 campaign shows
// its predictor-driven search instead: the stage, the predictor's quality per round (predicted against measured, Kendall's
// τ), the fine stage's evolution, and each child's training recipe. A memnas campaign shows its grow-and-trim rounds: each
// round's base, its candidates with the controller's rank against the measured one, the next base; the bases' memory
// (parameters against peak activations), the current base's lifetime chart, and the front of accuracy against memory.
'use strict';

(() => {
  const API = '/api/v1';
  const KEY_ITEM = 'mnas.api_key';
  const PAGE_SIZE = 25;
  const WORKERS_EVERY_MS = 5000;
  const CAMPAIGNS_EVERY_MS = 10000;
  const ACTIVITY_KEPT = 60;
  const SUPERNET = ['fbnet', 'fbnetv2', 'bn-nas'];
  const SINGLE_PATH = 'bn-nas';
  const PREDICTOR = 'fbnetv3';
  const MEMNAS = 'memnas';

  const state = {
    key: null,
    campaigns: [],
    campaignId: null,
    targetLatency: null,
    children: { page: 1, total: 0, sort: 'sequence', order: 'desc', status: '' },
    stream: null,
    lastEventId: null,
    pareto: null,
    controller: null,
    supernetCharts: null,
    evolutionChart: null,
    searchCharts: null,
    memnasCharts: null,
    memnasRound: null,
    lifetime: null,
    timers: [],
    pending: new Map(),
    workersForbidden: false,
  };

  const $ = (id) => document.getElementById(id);

  // ---- small helpers -------------------------------------------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value == null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child == null) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const fixed = (value, digits) => (value == null || Number.isNaN(value) ? '–' : Number(value).toFixed(digits));
  const percent = (value) => (value == null ? '–' : `${(100 * value).toFixed(2)} %`);
  const count = (value) => (value == null ? '–' : Number(value).toLocaleString('en'));
  const millions = (value) => (value == null ? '–' : `${(value / 1e6).toFixed(2)} M`);
  const time = (value) => (value ? new Date(value).toLocaleString() : '–');
  const badge = (text) => el('span', { class: `status ${text}` }, text);

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  // Runs fn at most once per delay for each name: a burst of events (a replayed stream) costs one refresh.
  function later(name, fn, delay = 250) {
    if (state.pending.has(name)) return;
    state.pending.set(name, setTimeout(() => {
      state.pending.delete(name);
      fn().catch(report);
    }, delay));
  }

  function report(error) {
    if (error instanceof ApiError && error.status === 401) return;
    console.error(error);
  }

  // ---- the key -------------------------------------------------------------------------------------------------------

  function hashParameters() {
    return new URLSearchParams(location.hash.replace(/^#/, ''));
  }

  function writeHash(parameters) {
    const text = parameters.toString();
    history.replaceState(null, '', location.pathname + location.search + (text ? `#${text}` : ''));
  }

  // A #key=… fragment fills the key and leaves the address bar (and the history) at once.
  function takeKeyFromFragment() {
    const parameters = hashParameters();
    const key = parameters.get('key');
    if (key) {
      sessionStorage.setItem(KEY_ITEM, key.trim());
      parameters.delete('key');
      writeHash(parameters);
    }
  }

  function showKeyForm(message) {
    stopAll();
    state.key = null;
    $('main').hidden = true;
    $('forget-key').hidden = true;
    $('key-panel').hidden = false;
    $('key-error').textContent = message || '';
    $('key-input').value = '';
    $('key-input').focus();
  }

  function keyRefused() {
    sessionStorage.removeItem(KEY_ITEM);
    showKeyForm('The API refused this key (401): it is unknown or revoked. Enter another.');
  }

  // ---- the API -------------------------------------------------------------------------------------------------------

  function headers(extra) {
    return { Authorization: `Bearer ${state.key}`, ...extra };
  }

  async function get(path) {
    const response = await fetch(API + path, { headers: headers({ Accept: 'application/json' }), cache: 'no-store' });
    if (response.status === 401) {
      keyRefused();
      throw new ApiError(401, 'unauthorised');
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch {
        // not problem details: keep the status text
      }
      throw new ApiError(response.status, `${response.status}: ${detail}`);
    }
    return response.json();
  }

  const campaignPath = (suffix = '') => `/campaigns/${encodeURIComponent(state.campaignId)}${suffix}`;

  // ---- campaigns -----------------------------------------------------------------------------------------------------

  async function loadCampaigns() {
    try {
      state.campaigns = await get('/campaigns');
      $('campaigns-error').textContent = '';
    } catch (error) {
      if (error.status !== 401) $('campaigns-error').textContent = `Campaigns could not be read (${error.message}).`;
      throw error;
    }
    renderCampaigns();
    if (!state.campaignId && state.campaigns.length) {
      const wanted = hashParameters().get('campaign');
      const chosen = state.campaigns.find((c) => c.id === wanted)
        || state.campaigns.find((c) => c.status === 'running')
        || state.campaigns[state.campaigns.length - 1];
      selectCampaign(chosen.id);
    } else if (state.campaignId) {
      renderSummary();
    }
  }

  function renderCampaigns() {
    const body = $('campaigns').tBodies[0];
    body.replaceChildren(...state.campaigns.map((c) => el('tr', {
      class: c.id === state.campaignId ? 'selected' : null,
      'data-campaign': c.id,
      onclick: () => selectCampaign(c.id),
    },
    el('td', {}, c.id),
    el('td', {}, badge(c.status), ...(c.waiting ? [' ', el('span', { class: 'status waiting', title: c.waiting }, 'waiting')] : [])),
    el('td', {}, c.strategy || '–'),
    el('td', { class: 'number' }, `${c.children.done} / ${c.children.total}`),
    el('td', { class: 'number' }, c.children.failed),
    el('td', { class: 'number' }, fixed(c.best_reward, 4)),
    el('td', { class: 'number' }, c.budget.children_used == null ? '–' : `${Math.round(100 * c.budget.children_used)} %`))));
    $('campaigns-empty').hidden = state.campaigns.length > 0;
  }

  function renderSummary() {
    const c = state.campaigns.find((x) => x.id === state.campaignId);
    if (!c) return;
    $('campaign-title').replaceChildren(`Campaign ${c.id} `, badge(c.status),
      ...(c.waiting ? [' ', el('span', { class: 'status waiting', title: c.waiting }, `waiting: ${c.waiting}`)] : []));
    const budget = [c.budget.max_children != null ? `${c.budget.max_children} children` : null,
      c.budget.max_hours != null ? `${c.budget.max_hours} h` : null].filter(Boolean).join(', ') || 'none';
    const target = state.targetLatency != null ? ` · target T ${fixed(state.targetLatency, 1)} ms` : '';
    $('campaign-summary').textContent = `${c.name} · strategy ${c.strategy || '–'} · seed ${c.seed} · created ${time(c.created_at)} · `
      + `children: ${c.children.done} done, ${c.children.failed} failed, ${c.children.training} training, ${c.children.queued} queued `
      + `(${c.children.total} sampled) · best reward ${fixed(c.best_reward, 4)} · budget ${budget}${target}`;
  }

  function selectCampaign(id) {
    if (state.campaignId === id) return;
    stopStream();
    state.campaignId = id;
    state.lastEventId = null;
    state.targetLatency = null;
    state.children.page = 1;
    const parameters = hashParameters();
    parameters.set('campaign', id);
    writeHash(parameters);
    $('campaign').hidden = false;
    $('activity').replaceChildren();
    clearSupernet();
    clearSearch();
    clearMemnas();
    renderCampaigns();
    renderSummary();
    Promise.all([loadPareto(), loadController(), loadChildren(), loadSupernet(), loadSearch(), loadMemnas()]).catch(report);
    followStream(id);
  }

  // ---- the Pareto scatter --------------------------------------------------------------------------------------------

  // Draws the target latency T as a dashed vertical line (the value comes from the chart's options).
  const targetLine = {
    id: 'targetLine',
    afterDatasetsDraw(chart, _args, options) {
      const value = options && options.value;
      if (value == null) return;
      const x = chart.scales.x.getPixelForValue(value);
      const { top, bottom, left, right } = chart.chartArea;
      if (x < left || x > right) return;
      const { ctx } = chart;
      ctx.save();
      ctx.strokeStyle = '#1d2733';
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = '#1d2733';
      ctx.font = '12px system-ui, sans-serif';
      ctx.textAlign = 'left';
      ctx.fillText(`T = ${value} ms`, x + 4, top + 12);
      ctx.restore();
    },
  };

  function architectureLines(text) {
    const words = String(text || '').split(/\s+/).filter(Boolean);
    const lines = [];
    let line = '';
    for (const word of words) {
      if (line && line.length + word.length > 64) {
        lines.push(line);
        line = '';
      }
      line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines;
  }

  function paretoChart() {
    if (state.pareto) return state.pareto;
    state.pareto = new Chart($('pareto-chart'), {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'Pareto front', data: [], showLine: true, borderColor: '#c2410c', backgroundColor: '#c2410c',
            pointRadius: 6, pointHoverRadius: 8, borderWidth: 2, order: 0,
          },
          {
            label: 'other children', data: [], backgroundColor: 'rgba(102, 113, 125, 0.55)', borderColor: 'rgba(102, 113, 125, 0.9)',
            pointRadius: 4, pointHoverRadius: 6, order: 1,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: 'linear', title: { display: true, text: 'latency (ms)' }, min: 0 },
          y: { type: 'linear', title: { display: true, text: 'accuracy' }, grace: '5%' },
        },
        plugins: {
          targetLine: { value: null },
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? `child #${items[0].raw.sequence}` : ''),
              label: (item) => {
                const p = item.raw.point;
                return [
                  `accuracy ${percent(p.accuracy)} · latency ${fixed(p.latency_ms, 2)} ms · reward ${fixed(p.reward, 4)}`,
                  `params ${count(p.params)} · MACs ${millions(p.macs)} · peak activations ${count(p.peak_activation_bytes)} B`,
                  ...architectureLines(p.architecture),
                ];
              },
            },
          },
        },
        onClick: (event, _elements, chart) => {
          const hits = chart.getElementsAtEventForMode(event, 'nearest', { intersect: true }, true);
          if (hits.length) openChild(chart.data.datasets[hits[0].datasetIndex].data[hits[0].index].sequence);
        },
        onHover: (event, elements) => {
          event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
        },
      },
      plugins: [targetLine],
    });
    return state.pareto;
  }

  async function loadPareto() {
    const id = state.campaignId;
    const pareto = await get(`${campaignPath('/pareto')}?objectives=accuracy,latency_ms`);
    if (id !== state.campaignId) return;
    state.targetLatency = pareto.target_latency_ms;
    const toPoint = (p) => ({ x: p.latency_ms, y: p.accuracy, sequence: p.sequence, point: p });
    const front = pareto.points.filter((p) => p.on_front).sort((a, b) => a.latency_ms - b.latency_ms);
    const others = pareto.points.filter((p) => !p.on_front);
    const chart = paretoChart();
    chart.data.datasets[0].data = front.map(toPoint);
    chart.data.datasets[1].data = others.map(toPoint);
    chart.options.plugins.targetLine.value = pareto.target_latency_ms;
    const largest = Math.max(0, ...pareto.points.map((p) => p.latency_ms));
    chart.options.scales.x.suggestedMax = Math.max(largest, pareto.target_latency_ms || 0) * 1.1 || undefined;
    chart.update();
    const figure = $('pareto-figure');
    figure.dataset.points = pareto.points.map((p) => p.sequence).sort((a, b) => a - b).join(',');
    figure.dataset.front = front.map((p) => p.sequence).join(',');
    $('front-list').textContent = front.length
      ? `Front (${front.length} of ${pareto.points.length} done children): `
        + front.map((p) => `#${p.sequence} ${percent(p.accuracy)} at ${fixed(p.latency_ms, 2)} ms`).join(' · ')
      : 'No child has finished yet.';
    renderSummary();
  }

  // ---- the controller's curves ---------------------------------------------------------------------------------------

  function controllerChart() {
    if (state.controller) return state.controller;
    state.controller = new Chart($('controller-chart'), {
      type: 'line',
      data: {
        datasets: [
          { label: 'mean reward', data: [], borderColor: '#c2410c', backgroundColor: '#c2410c', yAxisID: 'y', pointRadius: 2 },
          { label: 'baseline', data: [], borderColor: '#9a3412', borderDash: [4, 3], pointRadius: 0, yAxisID: 'y' },
          { label: 'entropy', data: [], borderColor: '#1d4ed8', backgroundColor: '#1d4ed8', yAxisID: 'y1', pointRadius: 2 },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'controller update' }, ticks: { precision: 0 } },
          y: { position: 'left', title: { display: true, text: 'reward' } },
          y1: { position: 'right', title: { display: true, text: 'entropy' }, grid: { drawOnChartArea: false } },
        },
      },
    });
    return state.controller;
  }

  async function loadController() {
    const id = state.campaignId;
    const history = await get(campaignPath('/controller'));
    if (id !== state.campaignId) return;
    const updates = history.updates || [];
    const chart = controllerChart();
    chart.data.datasets[0].data = updates.map((u) => ({ x: u.version, y: u.mean_reward }));
    chart.data.datasets[1].data = updates.map((u) => ({ x: u.version, y: u.baseline }));
    chart.data.datasets[2].data = updates.map((u) => ({ x: u.version, y: u.entropy }));
    chart.update();
    $('controller-figure').dataset.updates = String(updates.length);
    $('controller-empty').hidden = updates.length > 0;
  }

  // ---- the supernet (fbnet, fbnetv2, bn-nas) ------------------------------------------------------------------------

  function strategyOf(id) {
    const c = state.campaigns.find((x) => x.id === id);
    return c ? c.strategy : null;
  }

  const hasSupernet = (id) => SUPERNET.includes(strategyOf(id));

  // One small line chart over the epochs (or another step); each dataset is { label, colour, field }.
  function epochChart(canvas, title, datasets, step = 'epoch') {
    return new Chart($(canvas), {
      type: 'line',
      data: {
        datasets: datasets.map((d) => ({
          label: d.label, data: [], borderColor: d.colour, backgroundColor: d.colour, pointRadius: 2, borderDash: d.dash, field: d.field,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { display: datasets.length > 1 } },
        scales: {
          x: { type: 'linear', title: { display: true, text: step }, ticks: { precision: 0 } },
          y: { title: { display: true, text: title }, grace: '5%' },
        },
      },
    });
  }

  function supernetCharts() {
    if (state.supernetCharts) return state.supernetCharts;
    state.supernetCharts = [
      epochChart('supernet-loss-chart', 'loss', [
        { label: 'loss', colour: '#c2410c', field: 'loss' },
        { label: 'cross-entropy', colour: '#9a3412', field: 'cross_entropy', dash: [4, 3] },
      ]),
      epochChart('supernet-temperature-chart', 'τ', [{ label: 'τ', colour: '#1d4ed8', field: 'temperature' }]),
      epochChart('supernet-latency-chart', 'ms', [{ label: 'expected latency (ms)', colour: '#15803d', field: 'expected_latency_ms' }]),
      epochChart('supernet-ranking-chart', 'ranking distance', [{ label: 'ranking distance', colour: '#7c3aed', field: 'ranking_distance' }]),
    ];
    return state.supernetCharts;
  }

  function evolutionChart() {
    if (state.evolutionChart) return state.evolutionChart;
    state.evolutionChart = epochChart('evolution-chart', 'score', [
      { label: 'best score', colour: '#c2410c', field: 'best_score' },
      { label: 'mean score', colour: '#9a3412', field: 'mean_score', dash: [4, 3] },
    ], 'iteration');
    state.evolutionChart.options.plugins.tooltip = {
      callbacks: { footer: (items) => (items.length ? `${items[0].raw.feasible} feasible` : '') },
    };
    return state.evolutionChart;
  }

  // Which of the panel's figures a strategy has: τ and the expected latency under P_θ mean nothing for a single-path
  // supernet (τ 0, a uniform sampling distribution), whose indicator, ranking stability and evolution are shown instead.
  function showFiguresOf(strategy) {
    const singlePath = strategy === SINGLE_PATH;
    $('supernet-temperature-figure').hidden = singlePath;
    $('supernet-latency-figure').hidden = singlePath;
    $('supernet-ranking-figure').hidden = !singlePath;
    $('evolution').hidden = !singlePath;
  }

  function clearSupernet() {
    const shown = hasSupernet(state.campaignId);
    const panel = $('supernet');
    panel.hidden = !shown;
    panel.dataset.epochs = '0';
    showFiguresOf(strategyOf(state.campaignId));
    $('supernet-progress').textContent = shown ? 'Reading the supernet…' : '';
    $('supernet-error').textContent = '';
    $('supernet-empty').hidden = false;
    $('theta-figure').hidden = true;
    $('indicator-figure').hidden = true;
    for (const table of ['theta-heatmap', 'width-heatmap', 'resolution-heatmap', 'indicator-heatmap']) $(table).replaceChildren();
    $('chosen').tBodies[0].replaceChildren();
    $('chosen').hidden = true;
    $('evolution-empty').hidden = false;
    $('evolution').dataset.iterations = '0';
    $('evolution').dataset.chosen = '0';
    for (const chart of [...(state.supernetCharts || []), ...(state.evolutionChart ? [state.evolutionChart] : [])]) {
      chart.data.datasets.forEach((d) => { d.data = []; });
      chart.update();
    }
  }

  async function loadSupernet() {
    const id = state.campaignId;
    if (!hasSupernet(id)) {
      $('supernet').hidden = true;
      return;
    }
    $('supernet').hidden = false;
    let supernet;
    try {
      supernet = await get(campaignPath('/supernet'));
      if (id === state.campaignId) $('supernet-error').textContent = '';
    } catch (error) {
      if (id === state.campaignId && error.status !== 401) $('supernet-error').textContent = `The supernet could not be read (${error.message}).`;
      throw error;
    }
    if (id !== state.campaignId) return;
    renderSupernet(supernet);
  }

  function supernetProgress(supernet, last) {
    const planned = supernet.epochs_planned ?? '?';
    const parts = [`${supernet.strategy}: epoch ${supernet.epochs_done} of ${planned} done`];
    if (supernet.attempts > 0) parts.push(`attempt ${supernet.attempts}`);
    if (supernet.strategy === SINGLE_PATH) {
      if (last) {
        parts.push(`loss ${fixed(last.loss, 4)}`);
        if (last.ranking_distance != null) parts.push(`ranking distance ${fixed(last.ranking_distance, 3)}`);
      }
      if (supernet.evolution) {
        parts.push(`trained; evolution: ${supernet.evolution.iterations.length} iterations, ${supernet.evolution.chosen.length} subnets chosen`);
      } else if (supernet.trained) parts.push('trained: the evolution over its BN indicator chooses the children');
      else if (supernet.attempts === 0) parts.push('not started');
      else parts.push('training');
      return parts.join(' · ');
    }
    if (last) {
      parts.push(`τ ${fixed(last.temperature, 4)}`, `loss ${fixed(last.loss, 4)}`, `expected latency ${fixed(last.expected_latency_ms, 2)} ms`);
      if (!last.theta_trained) parts.push('warm-up (θ not trained yet)');
    }
    if (supernet.trained) parts.push('trained: the children are drawn from P_θ');
    else if (supernet.attempts === 0) parts.push('not started');
    else parts.push('training');
    return parts.join(' · ');
  }

  function renderSupernet(supernet) {
    const epochs = supernet.epochs || [];
    const last = epochs.length ? epochs[epochs.length - 1] : null;
    const panel = $('supernet');
    panel.dataset.epochs = String(epochs.length);
    panel.dataset.trained = String(Boolean(supernet.trained));
    $('supernet-progress').textContent = supernetProgress(supernet, last);
    $('supernet-empty').hidden = epochs.length > 0;
    showFiguresOf(supernet.strategy);
    for (const chart of supernetCharts()) {
      for (const dataset of chart.data.datasets) {
        dataset.data = epochs.filter((e) => e[dataset.field] != null).map((e) => ({ x: e.epoch, y: e[dataset.field] }));
      }
      chart.update();
    }
    if (supernet.strategy === SINGLE_PATH) {
      $('theta-figure').hidden = true;
      renderIndicator(supernet, last);
      renderEvolution(supernet.evolution);
      return;
    }

    // The posterior once trained, else the latest epoch's P_θ.
    const source = supernet.posterior
      ? {
        caption: `P_θ of the trained supernet (after ${supernet.posterior.epochs} epochs, expected latency ${fixed(supernet.posterior.expected_latency_ms, 2)} ms)`,
        candidates: supernet.posterior.candidates,
        distributions: supernet.posterior.distributions,
        widths: supernet.posterior.widths,
        widthDistributions: supernet.posterior.width_distributions,
        resolutions: supernet.posterior.resolutions,
        resolutionDistribution: supernet.posterior.resolution_distribution,
      }
      : last && {
        caption: `P_θ after epoch ${last.epoch}`,
        candidates: supernet.candidates,
        distributions: last.distributions,
        widths: supernet.widths,
        widthDistributions: last.width_distributions,
        resolutions: supernet.resolutions,
        resolutionDistribution: last.resolution_distribution,
      };
    $('theta-figure').hidden = !source;
    if (!source) return;
    $('theta-caption').textContent = `${source.caption}: a row per searchable layer, a column per candidate; `
      + 'the darker the cell, the likelier the candidate (the likeliest is outlined; hover for the value).';
    heatMap($('theta-heatmap'), source.candidates, source.distributions.map((row, i) => ({ label: `layer ${i + 1}`, values: row })));
    const widths = source.widths && source.widthDistributions;
    $('width-box').hidden = !widths;
    if (widths) {
      heatMap($('width-heatmap'), source.widths.map((w) => `×${w}`),
        source.widthDistributions.map((row, i) => ({ label: `layer ${i + 1}`, values: row })));
    } else {
      $('width-heatmap').replaceChildren();
    }
    const resolutions = source.resolutions && source.resolutionDistribution;
    $('resolution-box').hidden = !resolutions;
    if (resolutions) {
      heatMap($('resolution-heatmap'), source.resolutions.map((r) => (r === 1 ? 'full' : `1/${r}`)),
        [{ label: 'input', values: source.resolutionDistribution }]);
    } else {
      $('resolution-heatmap').replaceChildren();
    }
  }

  // How a heat map reads probabilities: a cell is as dark as it is likely; 0 is a candidate the layer does not offer.
  const PROBABILITY = {
    attribute: 'data-p',
    offered: (row, j) => row.values[j] > 0,
    shade: (row, j) => row.values[j],
    text: (value) => fixed(value, 2),
    title: (row, name, j) => `${row.label} · ${name}: P = ${fixed(row.values[j], 4)}`,
    absent: (row, name) => `${row.label} · ${name}: not offered here (P = 0)`,
  };

  // A table whose cells are coloured by value (by default a probability, see PROBABILITY): one row per { label, values },
  // one column per name; the largest value a row offers is outlined.
  function heatMap(table, names, rows, scale = PROBABILITY) {
    table.dataset.rows = String(rows.length);
    table.dataset.columns = String(names.length);
    const cell = (row, name, j, best) => {
      const value = row.values[j] ?? 0;
      const offered = scale.offered(row, j);
      const shade = offered ? Math.min(1, Math.max(0, scale.shade(row, j))) : 0;
      const td = el('td', {
        class: [shade >= 0.55 ? 'dark' : null, best ? 'best' : null].filter(Boolean).join(' ') || null,
        title: offered ? scale.title(row, name, j) : scale.absent(row, name),
        [scale.attribute]: value,
      }, offered ? scale.text(value) : '–');
      // Through the style object, not a style attribute: the page's policy allows no inline styles.
      td.style.backgroundColor = `rgba(194, 65, 12, ${shade.toFixed(3)})`;
      return td;
    };
    table.replaceChildren(
      el('thead', {}, el('tr', {}, el('th', {}), ...names.map((name) => el('th', { scope: 'col' }, name)))),
      el('tbody', {}, ...rows.map((row) => {
        const offered = names.map((_, j) => j).filter((j) => scale.offered(row, j));
        const best = Math.max(...offered.map((j) => row.values[j]));
        return el('tr', {}, el('th', { scope: 'row' }, row.label),
          ...names.map((name, j) => cell(row, name, j, offered.includes(j) && row.values[j] === best)));
      })));
  }

  // How a heat map reads the BN indicator: what matters is the order of a layer's candidates, so each row is shaded from
  // its lowest score (light) to its highest (dark); a candidate the layer does not offer has probability 0 in the
  // sampling distribution. The title gives the score, its rank in the layer and, once trained, the candidate's latency.
  function indicatorScale(rows) {
    const span = new Map(rows.map((row) => {
      const offered = row.values.filter((_, j) => row.offered[j] > 0);
      return [row, { low: Math.min(...offered), high: Math.max(...offered), offered }];
    }));
    return {
      attribute: 'data-score',
      offered: (row, j) => row.offered[j] > 0,
      shade: (row, j) => {
        const { low, high } = span.get(row);
        return high > low ? 0.1 + (0.9 * (row.values[j] - low)) / (high - low) : 0.5;
      },
      text: (value) => fixed(value, 3),
      title: (row, name, j) => {
        const { offered } = span.get(row);
        const rank = 1 + offered.filter((v) => v > row.values[j]).length;
        const cost = row.costs && row.costs[j];
        return `${row.label} · ${name}: score ${fixed(row.values[j], 4)} (rank ${rank} of ${offered.length})`
          + (cost ? ` · ${fixed(cost.latency_ms, 3)} ms` : '');
      },
      absent: (row, name) => `${row.label} · ${name}: not offered here`,
    };
  }

  // bn-nas: the BN indicator of the trained supernet (its posterior), else of the latest epoch.
  function renderIndicator(supernet, last) {
    const posterior = supernet.posterior && supernet.posterior.scores ? supernet.posterior : null;
    const source = posterior
      ? {
        caption: `The BN indicator of the trained supernet (after ${posterior.epochs} epochs)`,
        candidates: posterior.candidates, scores: posterior.scores, offered: posterior.distributions,
        costs: posterior.costs ? posterior.costs.layers : null,
      }
      : last && last.scores && {
        caption: `The BN indicator after epoch ${last.epoch}`,
        candidates: supernet.candidates, scores: last.scores, offered: last.distributions, costs: null,
      };
    $('indicator-figure').hidden = !source;
    if (!source) {
      $('indicator-heatmap').replaceChildren();
      return;
    }
    $('indicator-caption').textContent = `${source.caption}: the mean |γ| of each candidate's last batch norm, a row per searchable `
      + 'layer, a column per candidate; each row is shaded from its lowest score to its highest, the highest outlined (hover for the '
      + 'score and its rank).';
    const rows = source.scores.map((values, i) => ({
      label: `layer ${i + 1}`, values, offered: source.offered[i] || [], costs: source.costs && source.costs[i],
    }));
    heatMap($('indicator-heatmap'), source.candidates, rows, indicatorScale(rows));
  }

  // bn-nas: each iteration's best and mean score, and the subnets the evolution chose (trained as the campaign's children).
  function renderEvolution(evolution) {
    const iterations = evolution ? evolution.iterations : [];
    const chosen = evolution ? evolution.chosen : [];
    const box = $('evolution');
    box.dataset.iterations = String(iterations.length);
    box.dataset.chosen = String(chosen.length);
    $('evolution-empty').hidden = Boolean(evolution);
    const chart = evolutionChart();
    for (const dataset of chart.data.datasets) {
      dataset.data = iterations.map((i) => ({ x: i.iteration, y: i[dataset.field], feasible: i.feasible }));
    }
    chart.update();
    $('chosen').hidden = chosen.length === 0;
    $('chosen').tBodies[0].replaceChildren(...chosen.map((subnet, i) => el('tr', {},
      el('td', { class: 'number' }, i + 1),
      el('td', { class: 'architecture' }, subnet.architecture),
      el('td', { class: 'number' }, fixed(subnet.score, 4)),
      el('td', { class: 'number' }, fixed(subnet.costs.latency_ms, 3)),
      el('td', { class: 'number' }, count(subnet.costs.params)),
      el('td', { class: 'number' }, millions(subnet.costs.macs)),
      el('td', { class: 'number' }, `${count(subnet.costs.peak_activation_bytes)} B`))));
  }

  // ---- the predictor-driven search (fbnetv3) --------------------------------------------------------------------------

  const hasSearch = (id) => strategyOf(id) === PREDICTOR;

  // A recipe in one line, as the children table and the child's dialog show it.
  function recipeText(r) {
    return `${r.optimizer} · lr ${r.learning_rate} · wd ${r.weight_decay} · ${r.epochs} epochs · batch ${r.batch_size} · `
      + `label smoothing ${r.label_smoothing} · dropout ${r.dropout} · stochastic depth ${r.stochastic_depth} · mixup ${r.mixup_alpha} · `
      + `ema ${r.ema_decay}`;
  }

  function searchCharts() {
    if (state.searchCharts) return state.searchCharts;
    const prediction = new Chart($('prediction-chart'), {
      type: 'scatter',
      data: {
        datasets: [
          { label: 'coarse rounds', data: [], backgroundColor: '#1d4ed8', borderColor: '#1d4ed8', pointRadius: 4, stage: 'coarse' },
          { label: 'final children', data: [], backgroundColor: '#c2410c', borderColor: '#c2410c', pointRadius: 5, pointStyle: 'rectRot', stage: 'final' },
          {
            label: 'predicted = measured', data: [], showLine: true, pointRadius: 0, borderColor: '#66717d', borderDash: [6, 4], borderWidth: 1,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: 'linear', title: { display: true, text: 'predicted accuracy' }, grace: '5%' },
          y: { type: 'linear', title: { display: true, text: 'measured accuracy' }, grace: '5%' },
        },
        plugins: {
          tooltip: {
            filter: (item) => item.datasetIndex < 2,
            callbacks: {
              title: (items) => (items.length ? `child #${items[0].raw.sequence} (step ${items[0].raw.round})` : ''),
              label: (item) => [`predicted ${percent(item.raw.x)} · measured ${percent(item.raw.y)}`, ...architectureLines(item.raw.architecture)],
            },
          },
        },
        onClick: (event, _elements, chart) => {
          const hits = chart.getElementsAtEventForMode(event, 'nearest', { intersect: true }, true).filter((h) => h.datasetIndex < 2);
          if (hits.length) openChild(chart.data.datasets[hits[0].datasetIndex].data[hits[0].index].sequence);
        },
      },
    });
    const tau = epochChart('tau-chart', 'Kendall τ', [{ label: 'Kendall τ', colour: '#7c3aed', field: 'kendall_tau' }], 'step');
    tau.options.scales.y.suggestedMin = -1;
    tau.options.scales.y.suggestedMax = 1;
    tau.options.plugins.tooltip = { callbacks: { title: (items) => (items.length ? items[0].raw.label : '') } };
    const fine = epochChart('fine-chart', 'predicted accuracy', [
      { label: 'best predicted', colour: '#c2410c', field: 'best_predicted' },
      { label: 'mean predicted', colour: '#9a3412', field: 'mean_predicted', dash: [4, 3] },
    ], 'iteration');
    fine.options.plugins.tooltip = {
      callbacks: { footer: (items) => (items.length ? `${items[0].raw.feasible ?? '–'} feasible, ${items[0].raw.rejected ?? '–'} rejected` : '') },
    };
    state.searchCharts = { prediction, tau, fine };
    return state.searchCharts;
  }

  function clearSearch() {
    const shown = hasSearch(state.campaignId);
    const panel = $('search');
    panel.hidden = !shown;
    panel.dataset.rounds = '0';
    panel.dataset.stage = '';
    $('search-progress').textContent = shown ? 'Reading the search…' : '';
    $('search-error').textContent = '';
    $('search-empty').hidden = false;
    $('rounds').hidden = true;
    $('rounds').tBodies[0].replaceChildren();
    $('recipe-column').hidden = !shown;
    if (state.searchCharts) {
      for (const chart of Object.values(state.searchCharts)) {
        chart.data.datasets.forEach((d) => { d.data = []; });
        chart.update();
      }
    }
  }

  async function loadSearch() {
    const id = state.campaignId;
    if (!hasSearch(id)) {
      $('search').hidden = true;
      return;
    }
    $('search').hidden = false;
    let search;
    try {
      search = await get(campaignPath('/search'));
      if (id === state.campaignId) $('search-error').textContent = '';
    } catch (error) {
      if (id === state.campaignId && error.status !== 401) $('search-error').textContent = `The search could not be read (${error.message}).`;
      throw error;
    }
    if (id !== state.campaignId) return;
    renderSearch(search);
  }

  const stageName = (round) => (round.iteration > 0 ? `${round.stage} ${round.iteration}` : round.stage);

  function searchProgress(search, rounds) {
    if (!rounds.length) return `${search.strategy}: the search has not begun · latency table: ${search.latency_table_size} operators`;
    const last = rounds[rounds.length - 1];
    const parts = [`${search.strategy}: stage ${search.stage}`, `step ${last.round}`];
    const pretrain = rounds.find((r) => r.stage === 'pretrain');
    if (pretrain) parts.push(`pretrained (loss ${fixed(pretrain.pretrain_loss, 4)})`);
    const coarse = rounds.filter((r) => r.stage === 'coarse');
    if (coarse.length) parts.push(`${coarse.length} coarse round${coarse.length === 1 ? '' : 's'}`);
    const ranked = rounds.filter((r) => r.kendall_tau != null);
    if (ranked.length) parts.push(`latest τ ${fixed(ranked[ranked.length - 1].kendall_tau, 3)}`);
    const fine = rounds.filter((r) => r.stage === 'fine');
    if (fine.length) parts.push(`fine iteration ${fine[fine.length - 1].iteration}: best predicted ${percent(fine[fine.length - 1].best_predicted)}`);
    parts.push(`predictor fitted on ${last.fitted_on} children`, `latency table: ${search.latency_table_size} operators`);
    return parts.join(' · ');
  }

  function renderSearch(search) {
    const rounds = search.rounds || [];
    const panel = $('search');
    panel.dataset.rounds = String(rounds.length);
    panel.dataset.stage = search.stage || '';
    $('search-progress').textContent = searchProgress(search, rounds);
    $('search-empty').hidden = rounds.length > 0;
    const charts = searchCharts();

    // Predicted against measured: every point the predictor scored that also measured (a failed child measured nothing).
    const scored = (stage) => rounds.filter((r) => r.stage === stage).flatMap((r) => r.points
      .filter((p) => p.predicted != null && p.measured != null)
      .map((p) => ({ x: p.predicted, y: p.measured, sequence: p.sequence, architecture: p.architecture, round: r.round })));
    for (const dataset of charts.prediction.data.datasets.slice(0, 2)) dataset.data = scored(dataset.stage);
    const values = charts.prediction.data.datasets.slice(0, 2).flatMap((d) => d.data.flatMap((p) => [p.x, p.y]));
    charts.prediction.data.datasets[2].data = values.length
      ? [{ x: Math.min(...values), y: Math.min(...values) }, { x: Math.max(...values), y: Math.max(...values) }]
      : [];
    charts.prediction.update();
    $('prediction-figure').dataset.points = String(values.length / 2);

    charts.tau.data.datasets[0].data = rounds.filter((r) => r.kendall_tau != null)
      .map((r) => ({ x: r.round, y: r.kendall_tau, label: `step ${r.round}: ${stageName(r)}` }));
    charts.tau.update();

    const fine = rounds.filter((r) => r.stage === 'fine');
    for (const dataset of charts.fine.data.datasets) {
      dataset.data = fine.filter((r) => r[dataset.field] != null)
        .map((r) => ({ x: r.iteration, y: r[dataset.field], feasible: r.feasible, rejected: r.rejected }));
    }
    charts.fine.update();
    $('fine-figure').dataset.iterations = String(fine.length);

    $('rounds').hidden = rounds.length === 0;
    $('rounds').tBodies[0].replaceChildren(...rounds.map((r) => el('tr', { 'data-round': r.round, 'data-stage': r.stage },
      el('td', { class: 'number' }, r.round),
      el('td', {}, r.stage),
      el('td', { class: 'number' }, r.iteration > 0 ? r.iteration : '–'),
      el('td', { class: 'number' }, r.points.length ? r.points.length : '–'),
      el('td', { class: 'number' }, fixed(r.kendall_tau, 3)),
      el('td', { class: 'number' }, r.fitted_on),
      el('td', { class: 'number' }, percent(r.best_predicted)),
      el('td', { class: 'number' }, percent(r.mean_predicted)),
      el('td', { class: 'number' }, r.feasible ?? '–'),
      el('td', { class: 'number' }, r.rejected ?? '–'))));
  }

  // ---- the grow-and-trim search (memnas) ------------------------------------------------------------------------------

  const hasMemnas = (id) => strategyOf(id) === MEMNAS;

  const bytes = (value) => (value == null ? '–' : `${count(value)} B`);

  // The base the search stands on now: the last round's next base, else that round's own.
  const currentBase = (rounds) => {
    const last = rounds[rounds.length - 1];
    return last ? last.next_base || last.base : null;
  };

  function memnasCharts() {
    if (state.memnasCharts) return state.memnasCharts;
    const memory = new Chart($('memory-chart'), {
      type: 'bar',
      data: {
        labels: [],
        datasets: [
          { label: 'parameters', data: [], backgroundColor: '#1d4ed8', stack: 'memory' },
          { label: 'peak activations', data: [], backgroundColor: '#c2410c', stack: 'memory' },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true, title: { display: true, text: 'base network (in the order they became base)' } },
          y: { stacked: true, title: { display: true, text: 'bytes' }, ticks: { callback: (value) => count(value) } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label}: ${bytes(item.raw)}`,
              footer: (items) => (items.length ? `total ${bytes(items.reduce((sum, i) => sum + i.raw, 0))}` : ''),
            },
          },
        },
      },
    });
    const lifetime = new Chart($('lifetime-chart'), {
      type: 'line',
      data: {
        datasets: [
          { label: 'live bytes', data: [], borderColor: '#1d4ed8', backgroundColor: 'rgba(29, 78, 216, 0.15)', fill: true, pointRadius: 0, borderWidth: 1.5 },
          { label: 'peak', data: [], showLine: false, pointRadius: 7, pointHoverRadius: 9, pointStyle: 'triangle', backgroundColor: '#c2410c', borderColor: '#c2410c' },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'execution step' }, ticks: { precision: 0 } },
          y: { title: { display: true, text: 'live bytes' }, min: 0, ticks: { callback: (value) => count(value) } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? `step ${items[0].raw.x}: ${items[0].raw.name} (${items[0].raw.kind})` : ''),
              label: (item) => `${item.datasetIndex === 1 ? 'peak: ' : ''}${bytes(item.raw.y)} live`,
            },
          },
        },
      },
    });
    const front = new Chart($('memory-front-chart'), {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'Pareto front', data: [], showLine: true, borderColor: '#c2410c', backgroundColor: '#c2410c', pointRadius: 6, pointHoverRadius: 8,
            borderWidth: 2, order: 0,
          },
          {
            label: 'other children', data: [], backgroundColor: 'rgba(102, 113, 125, 0.55)', borderColor: 'rgba(102, 113, 125, 0.9)', pointRadius: 4,
            pointHoverRadius: 6, order: 1,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: 'linear', title: { display: true, text: 'total memory (bytes): parameters + peak activations' }, ticks: { callback: (value) => count(value) } },
          y: { type: 'linear', title: { display: true, text: 'accuracy' }, grace: '5%' },
        },
        plugins: {
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? `child #${items[0].raw.sequence}` : ''),
              label: (item) => {
                const p = item.raw.point;
                return [`accuracy ${percent(p.accuracy)} · total ${bytes(p.total_bytes)}`,
                  `parameters ${bytes(p.param_bytes)} · peak activations ${bytes(p.peak_activation_bytes)}`, ...architectureLines(p.architecture)];
              },
            },
          },
        },
        onClick: (event, _elements, chart) => {
          const hits = chart.getElementsAtEventForMode(event, 'nearest', { intersect: true }, true);
          if (hits.length) openChild(chart.data.datasets[hits[0].datasetIndex].data[hits[0].index].sequence);
        },
      },
    });
    state.memnasCharts = { memory, lifetime, front };
    return state.memnasCharts;
  }

  function clearMemnas() {
    const shown = hasMemnas(state.campaignId);
    const panel = $('memnas');
    panel.hidden = !shown;
    panel.dataset.rounds = '0';
    panel.dataset.stage = '';
    panel.dataset.base = '';
    state.memnasRound = null;
    state.lifetime = null;
    $('memnas-progress').textContent = shown ? 'Reading the search…' : '';
    $('memnas-error').textContent = '';
    $('memnas-empty').hidden = false;
    $('memnas-rounds').hidden = true;
    $('memnas-rounds').tBodies[0].replaceChildren();
    $('memnas-round').hidden = true;
    $('memnas-round').dataset.round = '';
    $('candidates').tBodies[0].replaceChildren();
    $('memory-breakdown').textContent = '';
    const lifetime = $('lifetime-figure');
    lifetime.dataset.sequence = '';
    lifetime.dataset.steps = '0';
    lifetime.dataset.peak = '';
    lifetime.dataset.peakStep = '';
    $('lifetime-caption').textContent = 'The lifetime chart of the current base network: the bytes live at each execution step of its target view, the peak marked.';
    $('memory-front-figure').dataset.points = '';
    $('memory-front-figure').dataset.front = '';
    $('memory-front-list').textContent = '';
    if (state.memnasCharts) {
      for (const chart of Object.values(state.memnasCharts)) {
        if (chart.data.labels) chart.data.labels = [];
        chart.data.datasets.forEach((d) => { d.data = []; });
        chart.update();
      }
    }
  }

  async function loadMemnas() {
    const id = state.campaignId;
    if (!hasMemnas(id)) {
      $('memnas').hidden = true;
      return;
    }
    $('memnas').hidden = false;
    let search;
    try {
      search = await get(campaignPath('/search'));
      if (id === state.campaignId) $('memnas-error').textContent = '';
    } catch (error) {
      if (id === state.campaignId && error.status !== 401) $('memnas-error').textContent = `The search could not be read (${error.message}).`;
      throw error;
    }
    if (id !== state.campaignId) return;
    renderMemnas(search);
    const base = currentBase(search.rounds || []);
    if (!base || (state.lifetime && state.lifetime.sequence === base.sequence)) return;
    try {
      await loadLifetime(base.sequence);
    } catch (error) {
      if (id === state.campaignId && error.status !== 401) $('lifetime-caption').textContent = `The memory of child #${base.sequence} could not be read (${error.message}).`;
      throw error;
    }
  }

  function memnasProgress(search, rounds) {
    if (!rounds.length) return 'memnas: the search has not begun';
    const last = rounds[rounds.length - 1];
    const base = currentBase(rounds);
    const grown = rounds.filter((r) => r.stage === 'grow-trim');
    const parts = [`memnas: round ${last.round} (${last.stage})`, `${grown.length} grow-and-trim round${grown.length === 1 ? '' : 's'}`];
    if (base) parts.push(`base #${base.sequence}: accuracy ${percent(base.accuracy)}, memory ${bytes(base.total_bytes)}`);
    const ranked = rounds.filter((r) => r.kendall_tau != null);
    if (ranked.length) parts.push(`latest τ ${fixed(ranked[ranked.length - 1].kendall_tau, 3)}`);
    const fitted = rounds.filter((r) => r.controller_loss != null);
    if (fitted.length) parts.push(`controller loss ${fixed(fitted[fitted.length - 1].controller_loss, 4)}`);
    return parts.join(' · ');
  }

  const rankedByText = (rankedBy) => (rankedBy === 'prior' ? 'the memory prior (the controller had no data yet)' : rankedBy === 'controller' ? 'the controller' : '–');

  function renderMemnas(search) {
    const rounds = search.rounds || [];
    const panel = $('memnas');
    const base = currentBase(rounds);
    panel.dataset.rounds = String(rounds.length);
    panel.dataset.stage = search.stage || '';
    panel.dataset.base = base ? String(base.sequence) : '';
    $('memnas-progress').textContent = memnasProgress(search, rounds);
    $('memnas-empty').hidden = rounds.length > 0;
    const charts = memnasCharts();

    // A row per round; the one shown below is the latest unless the user picked another.
    if (state.memnasRound != null && !rounds.some((r) => r.round === state.memnasRound)) state.memnasRound = null;
    const shown = state.memnasRound != null ? rounds.find((r) => r.round === state.memnasRound) : rounds[rounds.length - 1];
    $('memnas-rounds').hidden = rounds.length === 0;
    $('memnas-rounds').tBodies[0].replaceChildren(...rounds.map((r) => {
      const candidates = r.candidates || [];
      return el('tr', {
        'data-round': r.round, 'data-stage': r.stage, class: shown && r.round === shown.round ? 'selected' : null,
        onclick: () => {
          state.memnasRound = r.round;
          renderMemnas(search);
        },
      },
      el('td', { class: 'number' }, r.round),
      el('td', {}, r.stage),
      el('td', { class: 'number' }, r.base ? `#${r.base.sequence}` : '–'),
      el('td', { class: 'number' }, percent(r.base && r.base.accuracy)),
      el('td', { class: 'number' }, bytes(r.base && r.base.total_bytes)),
      el('td', { class: 'number' }, r.candidates ? candidates.length : '–'),
      el('td', { class: 'number' }, r.candidates ? candidates.filter((c) => c.sequence != null).length : '–'),
      el('td', {}, r.ranked_by || '–'),
      el('td', { class: 'number' }, fixed(r.kendall_tau, 3)),
      el('td', { class: 'number' }, fixed(r.controller_loss, 4)),
      el('td', { class: 'number' }, r.next_base ? `#${r.next_base.sequence}` : '–'));
    }));
    renderMemnasRound(shown);

    // The bases in the order they became base, the current one last.
    const bases = [];
    for (const r of rounds) {
      for (const b of [r.base, r.next_base]) if (b && !bases.some((x) => x.sequence === b.sequence)) bases.push(b);
    }
    charts.memory.data.labels = bases.map((b) => `#${b.sequence}`);
    charts.memory.data.datasets[0].data = bases.map((b) => b.param_bytes);
    charts.memory.data.datasets[1].data = bases.map((b) => b.peak_activation_bytes);
    charts.memory.update();
    $('memory-figure').dataset.bases = bases.map((b) => b.sequence).join(',');
    $('memory-breakdown').textContent = base
      ? `Current base #${base.sequence}: parameters ${bytes(base.param_bytes)} (${fixed((100 * base.param_bytes) / base.total_bytes, 1)} %) · `
        + `peak activations ${bytes(base.peak_activation_bytes)} (${fixed((100 * base.peak_activation_bytes) / base.total_bytes, 1)} %) · `
        + `total ${bytes(base.total_bytes)}`
      : '';

    renderMemoryFront(search.memory_front || []);
  }

  // One round in full: its base, every candidate with the controller's rank against the measured one, the next base.
  function renderMemnasRound(round) {
    const box = $('memnas-round');
    box.hidden = !round;
    box.dataset.round = round ? String(round.round) : '';
    if (!round) return;
    const candidates = round.candidates || [];
    $('memnas-round-title').textContent = round.stage === 'base'
      ? `Round ${round.round}: the first base network trained`
      : `Round ${round.round}: ${candidates.length} candidates ranked by ${rankedByText(round.ranked_by)}, `
        + `${candidates.filter((c) => c.sequence != null).length} trained`;
    const b = round.base;
    $('memnas-base').replaceChildren(...(b
      ? [
        ['base', `#${b.sequence}`], ['accuracy', percent(b.accuracy)], ['parameters', bytes(b.param_bytes)],
        ['peak activations', bytes(b.peak_activation_bytes)], ['total memory', bytes(b.total_bytes)], ['architecture', b.architecture],
      ]
      : []).flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
    $('candidates').hidden = candidates.length === 0;
    const next = round.next_base;
    $('candidates').tBodies[0].replaceChildren(...[...candidates].sort((x, y) => x.predicted_rank - y.predicted_rank).map((c) => el('tr', {
      class: [c.sequence != null ? 'trained' : null, next && c.sequence === next.sequence ? 'chosen' : null].filter(Boolean).join(' ') || null,
      'data-sequence': c.sequence,
      'data-predicted-rank': c.predicted_rank,
      'data-measured-rank': c.measured_rank,
      title: c.architecture,
      onclick: c.sequence != null ? () => openChild(c.sequence) : null,
    },
    el('td', { class: 'number' }, c.predicted_rank),
    el('td', {}, c.operation),
    el('td', { class: 'number' }, fixed(c.predicted, 4)),
    el('td', { class: 'number' }, bytes(c.param_bytes)),
    el('td', { class: 'number' }, bytes(c.peak_activation_bytes)),
    el('td', { class: 'number' }, bytes(c.total_bytes)),
    el('td', { class: 'number' }, c.sequence != null ? `#${c.sequence}` : '–'),
    el('td', { class: 'number' }, percent(c.accuracy)),
    el('td', { class: 'number' }, fixed(c.measured, 4)),
    el('td', { class: 'number' }, c.measured_rank ?? '–'))));
    $('memnas-next').textContent = round.stage === 'base'
      ? ''
      : next
        ? `Next base: #${next.sequence} (accuracy ${percent(next.accuracy)}, memory ${bytes(next.total_bytes)}).`
        : 'No trained candidate beat the base: it stays.';
  }

  function renderMemoryFront(points) {
    const toPoint = (p) => ({ x: p.total_bytes, y: p.accuracy, sequence: p.sequence, point: p });
    const front = points.filter((p) => p.on_front).sort((a, b) => a.total_bytes - b.total_bytes);
    const charts = memnasCharts();
    charts.front.data.datasets[0].data = front.map(toPoint);
    charts.front.data.datasets[1].data = points.filter((p) => !p.on_front).map(toPoint);
    charts.front.update();
    const figure = $('memory-front-figure');
    figure.dataset.points = points.map((p) => p.sequence).sort((a, b) => a - b).join(',');
    figure.dataset.front = front.map((p) => p.sequence).join(',');
    $('memory-front-list').textContent = front.length
      ? `Front (${front.length} of ${points.length} done children): `
        + front.map((p) => `#${p.sequence} ${percent(p.accuracy)} at ${bytes(p.total_bytes)}`).join(' · ')
      : 'No child has finished yet.';
  }

  // The lifetime chart of a child (the current base): live bytes at each execution step, the peak marked.
  async function loadLifetime(sequence) {
    const id = state.campaignId;
    const memory = await get(campaignPath(`/children/${encodeURIComponent(sequence)}/memory`));
    if (id !== state.campaignId) return;
    state.lifetime = memory;
    const charts = memnasCharts();
    charts.lifetime.data.datasets[0].data = memory.steps.map((s) => ({ x: s.step, y: s.live_bytes, name: s.name, kind: s.kind }));
    const peak = memory.steps[memory.peak_step];
    charts.lifetime.data.datasets[1].data = peak ? [{ x: peak.step, y: peak.live_bytes, name: peak.name, kind: peak.kind }] : [];
    charts.lifetime.update();
    const figure = $('lifetime-figure');
    figure.dataset.sequence = String(memory.sequence);
    figure.dataset.steps = String(memory.steps.length);
    figure.dataset.peak = String(memory.peak_activation_bytes);
    figure.dataset.peakStep = String(memory.peak_step);
    $('lifetime-caption').textContent = `The lifetime chart of the current base, child #${memory.sequence}: the bytes live at each of its `
      + `${memory.steps.length} execution steps (target view, batch 1); the peak, ${bytes(memory.peak_activation_bytes)}, is marked at step `
      + `${memory.peak_step} (${memory.peak_node}). Parameters: ${bytes(memory.param_bytes)}.`;
  }

  // ---- the children table --------------------------------------------------------------------------------------------

  async function loadChildren() {
    const id = state.campaignId;
    const c = state.children;
    const query = new URLSearchParams({ sort: c.sort, order: c.order, page: String(c.page), page_size: String(PAGE_SIZE) });
    if (c.status) query.set('status', c.status);
    let page;
    try {
      page = await get(`${campaignPath('/children')}?${query}`);
      $('children-error').textContent = '';
    } catch (error) {
      if (error.status !== 401) $('children-error').textContent = `Children could not be read (${error.message}).`;
      throw error;
    }
    if (id !== state.campaignId) return;
    c.total = page.total;
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    if (c.page > pages) {
      c.page = pages;
      return loadChildren();
    }
    $('children').tBodies[0].replaceChildren(...page.items.map((child) => el('tr', {
      'data-sequence': child.sequence,
      onclick: () => openChild(child.sequence),
      title: child.failure_reason || child.architecture,
    },
    el('td', { class: 'number' }, child.sequence),
    el('td', {}, badge(child.status)),
    el('td', { class: 'number' }, percent(child.accuracy)),
    el('td', { class: 'number' }, fixed(child.latency_ms, 2)),
    el('td', { class: 'number' }, fixed(child.reward, 4)),
    el('td', { class: 'number' }, count(child.params)),
    el('td', { class: 'number' }, millions(child.macs)),
    ...(hasSearch(id) ? [el('td', { class: 'recipe' }, child.recipe ? recipeText(child.recipe) : '–')] : []),
    el('td', { class: 'number' }, child.attempts),
    el('td', {}, time(child.updated_at)))));
    $('page-info').textContent = `page ${c.page} of ${pages} (${page.total} children)`;
    $('page-prev').disabled = c.page <= 1;
    $('page-next').disabled = c.page >= pages;
    for (const th of $('children').tHead.querySelectorAll('th[data-sort]')) {
      th.classList.toggle('sorted-asc', th.dataset.sort === c.sort && c.order === 'asc');
      th.classList.toggle('sorted-desc', th.dataset.sort === c.sort && c.order === 'desc');
    }
  }

  // ---- one child -----------------------------------------------------------------------------------------------------

  async function openChild(sequence) {
    const child = await get(campaignPath(`/children/${encodeURIComponent(sequence)}`)).catch((error) => {
      report(error);
      return null;
    });
    if (!child) return;
    $('child-title').replaceChildren(`Child #${child.sequence} `, badge(child.status));
    const metrics = el('dl', { class: 'metrics' },
      ...[
        ['accuracy', percent(child.accuracy)], ['latency', `${fixed(child.latency_ms, 3)} ms`], ['reward', fixed(child.reward, 5)],
        ['parameters', count(child.params)], ['multiply-adds', count(child.macs)],
        ['peak activations', `${count(child.peak_activation_bytes)} B`], ['training', `${fixed(child.train_seconds, 1)} s`],
        ['attempts', child.attempts], ['policy version', child.policy_version ?? '–'],
        ['log-probability', fixed(child.log_probability, 4)], ['updated', time(child.updated_at)],
        ...(child.failure_reason ? [['failure', child.failure_reason]] : []),
      ].flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
    const curve = child.curve && child.curve.length
      ? el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, el('th', {}, 'epoch'), el('th', {}, 'train loss'), el('th', {}, 'validation accuracy'))),
        el('tbody', {}, ...child.curve.map((e) => el('tr', {},
          el('td', { class: 'number' }, e.epoch), el('td', { class: 'number' }, fixed(e.train_loss, 4)),
          el('td', { class: 'number' }, percent(e.validation_accuracy))))))
      : el('p', { class: 'muted' }, 'No per-epoch curve recorded.');
    const events = el('ol', { class: 'activity' },
      ...(child.events || []).map((e) => el('li', {}, `${time(e.at)} ${e.kind}: ${e.message}`)));
    const recipe = child.recipe
      ? [el('h3', {}, 'Training recipe'), el('dl', { class: 'metrics', id: 'child-recipe' },
        ...[
          ['optimizer', child.recipe.optimizer], ['learning rate', child.recipe.learning_rate], ['weight decay', child.recipe.weight_decay],
          ['epochs', child.recipe.epochs], ['batch size', child.recipe.batch_size], ['label smoothing', child.recipe.label_smoothing],
          ['dropout', child.recipe.dropout], ['stochastic depth', child.recipe.stochastic_depth], ['mixup α', child.recipe.mixup_alpha],
          ['EMA decay', child.recipe.ema_decay],
        ].flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]))]
      : [];
    $('child-body').replaceChildren(metrics, ...recipe,
      el('h3', {}, 'Architecture'), el('pre', {}, child.architecture),
      el('h3', {}, 'Tokens'), el('pre', {}, (child.tokens || []).join(' ')),
      el('h3', {}, 'Per-epoch curve'), curve,
      el('h3', {}, 'Attempts and events'), events);
    const dialog = $('child-dialog');
    if (!dialog.open) dialog.showModal();
  }

  // ---- workers -------------------------------------------------------------------------------------------------------

  async function loadWorkers() {
    let workers;
    try {
      workers = await get('/workers');
    } catch (error) {
      if (error.status === 403) {
        state.workersForbidden = true;
        $('workers').replaceChildren(el('p', { class: 'muted', id: 'workers-forbidden' },
          'Workers are shown to operators only; this key is a researcher\'s.'));
        return;
      }
      if (error.status !== 401) $('workers').replaceChildren(el('p', { class: 'error' }, `Workers could not be read (${error.message}).`));
      throw error;
    }
    if (!workers.length) {
      $('workers').replaceChildren(el('p', { class: 'muted' }, 'No worker has reported itself.'));
      return;
    }
    $('workers').replaceChildren(el('table', { class: 'grid', id: 'workers-table' },
      el('thead', {}, el('tr', {}, ...['worker', 'state', 'device class', 'device', 'threads', 'slots', 'running', 'last heartbeat']
        .map((h) => el('th', {}, h)))),
      el('tbody', {}, ...workers.map((w) => el('tr', {},
        el('td', {}, w.id),
        el('td', {}, badge(w.alive ? (w.stopping ? 'stopping' : 'alive') : 'gone')),
        el('td', {}, w.device_class),
        el('td', {}, w.device),
        el('td', { class: 'number' }, w.threads),
        el('td', { class: 'number' }, w.slots),
        el('td', {}, w.running.map((r) => `${r.campaign_id} #${r.sequence} (${r.job}, attempt ${r.attempt})`).join(', ') || 'idle'),
        el('td', {}, time(w.last_heartbeat)))))));
  }

  // ---- the event stream ----------------------------------------------------------------------------------------------

  function setLive(on, text) {
    const live = $('live');
    live.classList.toggle('on', on);
    live.classList.toggle('off', !on);
    live.textContent = text;
  }

  function activity(text) {
    const list = $('activity');
    list.prepend(el('li', {}, `${new Date().toLocaleTimeString()} ${text}`));
    while (list.children.length > ACTIVITY_KEPT) list.lastChild.remove();
  }

  function onEvent(type, data) {
    switch (type) {
      case 'child-finished':
        activity(`child #${data.sequence} ${data.status}`
          + (data.status === 'done' ? ` (accuracy ${percent(data.accuracy)}, latency ${fixed(data.latency_ms, 2)} ms, reward ${fixed(data.reward, 4)})` : ''));
        later('pareto', loadPareto);
        later('children', loadChildren);
        later('campaigns', loadCampaigns);
        // A memnas campaign's accuracy × memory front holds every done child.
        if (hasMemnas(state.campaignId)) later('memnas', loadMemnas);
        break;
      case 'front-changed':
        activity(`the front is now ${data.front.map((s) => `#${s}`).join(' ')}`);
        later('pareto', loadPareto);
        break;
      case 'controller-updated':
        activity(`controller update ${data.version}: mean reward ${fixed(data.mean_reward, 4)}, entropy ${fixed(data.entropy, 3)}`);
        later('controller', loadController);
        break;
      case 'supernet-epoch':
        activity(data.scores
          ? `supernet epoch ${data.epoch} (attempt ${data.attempt}): loss ${fixed(data.loss, 4)}`
            + (data.ranking_distance != null ? `, ranking distance ${fixed(data.ranking_distance, 3)}` : '')
          : `supernet epoch ${data.epoch} (attempt ${data.attempt}): loss ${fixed(data.loss, 4)}, τ ${fixed(data.temperature, 4)}, `
            + `expected latency ${fixed(data.expected_latency_ms, 2)} ms`);
        later('supernet', loadSupernet);
        break;
      case 'search-round':
        activity(`search step ${data.round}: ${data.iteration > 0 ? `${data.stage} ${data.iteration}` : data.stage}`
          + (data.kendall_tau != null ? `, τ ${fixed(data.kendall_tau, 3)}` : '')
          + (data.best_predicted != null ? `, best predicted ${percent(data.best_predicted)}` : '')
          + (data.feasible != null ? `, ${data.feasible} feasible, ${data.rejected ?? 0} rejected` : ''));
        later('search', loadSearch);
        later('memnas', loadMemnas);
        break;
      default:
        activity(`${data.kind}: ${data.message}`);
        // The supernet trained or failed, or the evolution over it (bn-nas) recorded: the panel is read again.
        if (String(data.kind).startsWith('supernet') || data.kind === 'evolution') later('supernet', loadSupernet);
        later('children', loadChildren);
        later('campaigns', loadCampaigns);
        break;
    }
  }

  // One message of the stream: its id, its type and its (JSON) data, as text/event-stream writes them.
  function dispatch(block) {
    let type = 'message';
    let id = null;
    const data = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (id != null) state.lastEventId = id;
    if (!data.length) return;
    let payload;
    try {
      payload = JSON.parse(data.join('\n'));
    } catch {
      return;
    }
    onEvent(type, payload);
  }

  // Reads the stream with fetch (so the Authorization header goes with it) and, when it breaks, connects again after
  // the last event seen (Last-Event-ID), waiting longer after each failure.
  async function followStream(id) {
    const controller = new AbortController();
    state.stream = controller;
    let wait = 1000;
    while (!controller.signal.aborted) {
      try {
        const extra = { Accept: 'text/event-stream' };
        if (state.lastEventId != null) extra['Last-Event-ID'] = state.lastEventId;
        const response = await fetch(`${API}/campaigns/${encodeURIComponent(id)}/events/stream`, {
          headers: headers(extra), cache: 'no-store', signal: controller.signal,
        });
        if (response.status === 401) {
          keyRefused();
          return;
        }
        if (!response.ok || !response.body) throw new Error(`the stream answered ${response.status}`);
        setLive(true, 'live');
        wait = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer = (buffer + value).replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        console.warn('event stream:', error);
      }
      if (controller.signal.aborted) return;
      setLive(false, 'reconnecting…');
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 30000);
      // Whatever the stream missed while away is read again in full.
      later('pareto', loadPareto);
      later('children', loadChildren);
      later('controller', loadController);
      later('supernet', loadSupernet);
      later('search', loadSearch);
      later('memnas', loadMemnas);
    }
  }

  function stopStream() {
    if (state.stream) state.stream.abort();
    state.stream = null;
    setLive(false, 'not connected');
  }

  function stopAll() {
    stopStream();
    state.timers.forEach(clearInterval);
    state.timers = [];
  }

  // ---- start ---------------------------------------------------------------------------------------------------------

  function start() {
    stopAll();
    state.key = sessionStorage.getItem(KEY_ITEM);
    if (!state.key) {
      showKeyForm('');
      return;
    }
    $('key-panel').hidden = true;
    $('main').hidden = false;
    $('forget-key').hidden = false;
    state.campaignId = null;
    state.workersForbidden = false;
    loadCampaigns().catch(report);
    loadWorkers().catch(report);
    state.timers.push(setInterval(() => loadCampaigns().catch(report), CAMPAIGNS_EVERY_MS));
    state.timers.push(setInterval(() => {
      if (!state.workersForbidden) loadWorkers().catch(report);
    }, WORKERS_EVERY_MS));
  }

  function wire() {
    $('key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const key = $('key-input').value.trim();
      if (!key) return;
      sessionStorage.setItem(KEY_ITEM, key);
      start();
    });
    $('forget-key').addEventListener('click', () => {
      sessionStorage.removeItem(KEY_ITEM);
      showKeyForm('');
    });
    $('status-filter').addEventListener('change', (event) => {
      state.children.status = event.target.value;
      state.children.page = 1;
      loadChildren().catch(report);
    });
    $('page-prev').addEventListener('click', () => {
      state.children.page = Math.max(1, state.children.page - 1);
      loadChildren().catch(report);
    });
    $('page-next').addEventListener('click', () => {
      state.children.page += 1;
      loadChildren().catch(report);
    });
    for (const th of $('children').tHead.querySelectorAll('th[data-sort]')) {
      th.addEventListener('click', () => {
        const c = state.children;
        c.order = c.sort === th.dataset.sort && c.order === 'desc' ? 'asc' : 'desc';
        c.sort = th.dataset.sort;
        c.page = 1;
        loadChildren().catch(report);
      });
    }
    window.addEventListener('hashchange', () => {
      takeKeyFromFragment();
      const wanted = hashParameters().get('campaign');
      if (sessionStorage.getItem(KEY_ITEM) !== state.key) {
        start();
      } else if (wanted && wanted !== state.campaignId && state.campaigns.some((c) => c.id === wanted)) {
        selectCampaign(wanted);
      }
    });
  }

  takeKeyFromFragment();
  wire();
  start();
})();
