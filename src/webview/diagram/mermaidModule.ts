/**
 * The diagram page's Mermaid, an ES module of its own (dist/webview/diagramMermaid.js, with chunks): the page
 * itself is a classic script written into the panel's HTML, which imports this once it has painted.
 */
import mermaid from 'mermaid';

export default mermaid;
