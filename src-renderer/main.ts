// Renderer entry: mounts the workbench.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { theme } from './lib/state/theme.svelte';
import { layout } from './lib/state/view-state.svelte';

theme.start();
layout.restore();
layout.track();

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
export default mount(App, { target });
