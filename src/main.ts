// Registers the elements (each file defines its own tag) and starts the app.
import './components/ag-app.ts';
