/** Entry point of the dashboard's browser bundle (built by scripts/build-ui.ts). */
import { render } from 'preact';
import { App } from './App.tsx';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
