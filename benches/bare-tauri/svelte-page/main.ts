// The smallest Svelte 5 page that does what the bare page does: one heading, one IPC round trip on load.
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.body });
