// The data exports the explorer offers, what opens each, and how the files
// are named. What each contains is built by its own module (graph-json,
// sheets, export-gexf, export-graphml, export-cyjs, export-stix).

export type DataFormat = 'json' | 'xlsx' | 'csv' | 'gexf' | 'graphml' | 'cyjs' | 'stix';

export interface DataFormatInfo {
  format: DataFormat;
  label: string;
  /** The file's extension, without the dot. */
  extension: string;
  mime: string;
  /** The tools that open it, for the analyst choosing. */
  opensIn: string;
}

export const DATA_FORMATS: readonly DataFormatInfo[] = [
  {
    format: 'json',
    label: 'Graph file (JSON)',
    extension: 'json',
    mime: 'application/json',
    opensIn: 'this explorer; version control (stable key order)',
  },
  {
    format: 'xlsx',
    label: 'Spreadsheet (XLSX)',
    extension: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    opensIn: 'Excel, LibreOffice, Google Sheets; imported back here',
  },
  {
    format: 'csv',
    label: 'CSV sheets (ZIP of one CSV per sheet)',
    extension: 'zip',
    mime: 'application/zip',
    opensIn: 'any spreadsheet, Kumu; imported back here',
  },
  {
    format: 'gexf',
    label: 'GEXF 1.3',
    extension: 'gexf',
    mime: 'application/gexf+xml',
    opensIn: 'Gephi, Gephi Lite',
  },
  {
    format: 'graphml',
    label: 'GraphML',
    extension: 'graphml',
    mime: 'application/graphml+xml',
    opensIn: 'yEd, Cytoscape, NetworkX, igraph',
  },
  {
    format: 'cyjs',
    label: 'Cytoscape JSON (.cyjs)',
    extension: 'cyjs',
    mime: 'application/json',
    opensIn: 'Cytoscape desktop',
  },
  {
    format: 'stix',
    label: 'STIX 2.1 bundle',
    extension: 'stix.json',
    mime: 'application/json',
    opensIn: 'OpenCTI, MISP and other threat-intelligence platforms',
  },
];

/** "kadhimi-2021_everything_2026-11-28.gexf" */
export function dataFileName(graphName: string, whole: boolean, today: string, format: DataFormat): string {
  const base = graphName.replace(/\.json$/i, '') || 'graph';
  const extension = DATA_FORMATS.find((entry) => entry.format === format)?.extension ?? format;
  return `${base}_${whole ? 'everything' : 'what-is-shown'}_${today}.${extension}`;
}
