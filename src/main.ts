// Browser composition root: the only place that builds adapters and mounts the app.
import './styles/app.scss';
import { mount } from 'svelte';
import App from './ui/App.svelte';

// govuk-frontend's CSS expects these classes; set here rather than by its inline snippet, so the
// Content-Security-Policy needs no inline script.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });
