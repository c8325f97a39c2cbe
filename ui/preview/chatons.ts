// Mounts the CHATONS step with the sample directory answering its commands (see fixtures.ts).
// Query: ?lang=en, ?state=empty (no directory yet), ?refresh=manual (the refresh waits for
// window.previewBackend.finishRefresh), ?contrast=high, ?mode=stand.
import { mount } from 'svelte';
import '../src/app.css';
import './preview.css';
import ChatonsStep from '../src/views/chatons/ChatonsStep.svelte';
import { EMPTY_STATUS, SAMPLE_REPORT, installBackend } from '../src/views/chatons/fixtures';
import { i18n } from '../src/lib/i18n.svelte';

const params = new URLSearchParams(location.search);
const backend = installBackend({
  status: params.get('state') === 'empty' ? EMPTY_STATUS : undefined,
  refresh: params.get('refresh') === 'manual' ? 'manual' : SAMPLE_REPORT,
});
(window as unknown as { previewBackend: unknown }).previewBackend = backend;
i18n.set(params.get('lang') === 'en' ? 'en' : 'fr');
if (params.get('contrast') === 'high') document.documentElement.dataset.contrast = 'high';
const mode = params.get('mode') === 'stand' ? 'stand' : 'home';
document.documentElement.dataset.mode = mode;
const target = document.getElementById('app');
if (target) mount(ChatonsStep, { target, props: { onback: () => history.back(), mode } });
