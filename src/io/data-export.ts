// The data exports as files: the graph (or what is shown of it) in the
// format chosen, with a name that says which. Every file says in itself
// whether it holds what is shown (with the filters in words) or everything.

import { DATA_FORMATS, type DataFormat, dataFileName } from '../model/data-formats.ts';
import { toCyjs } from '../model/export-cyjs.ts';
import { toGexf } from '../model/export-gexf.ts';
import { toGraphml } from '../model/export-graphml.ts';
import type { ExportScope as DataScope } from '../model/export-scope.ts';
import { toStixBundle } from '../model/export-stix.ts';
import type { VisibleSubgraph } from '../model/filter.ts';
import type { Graph, Position } from '../model/graph.ts';
import { graphToJson } from '../model/graph-json.ts';
import { graphToSheets } from '../model/sheets.ts';
import { subgraphOf } from '../model/subgraph.ts';
import { sheetsToCsvZip, sheetsToXlsx } from './sheet-files.ts';

export interface DataExportRequest {
  format: DataFormat;
  graph: Graph;
  graphName: string;
  /** What is shown (filters and focus applied); null for everything. */
  kept: VisibleSubgraph | null;
  /** The filters and focus in force, in words (each a line), for a file of what is shown. */
  filterLines: readonly string[];
  /** Where the actors are drawn now. */
  positions: Record<string, Position>;
  now: Date;
}

export interface DataExport {
  blob: Blob;
  fileName: string;
  /** The file's text, for the text formats (tests read it back). */
  text?: string;
}

/**
 * A graph file of what is shown says so in its description, so that a file
 * sent on is not taken for the whole graph; a file of everything is the graph
 * as it is (and reads back identical).
 */
function scopedGraphFile(request: DataExportRequest): Graph {
  if (request.kept === null) return request.graph;
  const cut = subgraphOf(request.graph, request.kept);
  const note =
    `Exported ${request.now.toISOString().slice(0, 10)} from ${request.graphName}: what is shown, ` +
    `${cut.actors.length} of ${request.graph.actors.length} actors and ` +
    `${cut.relations.length} of ${request.graph.relations.length} relations` +
    (request.filterLines.length > 0 ? ` (${request.filterLines.join('; ')}).` : '.');
  return { ...cut, description: cut.description ? `${cut.description}\n\n${note}` : note };
}

export async function buildDataExport(request: DataExportRequest): Promise<DataExport> {
  const { format, now } = request;
  const whole = request.kept === null;
  const fileName = dataFileName(request.graphName, whole, now.toISOString().slice(0, 10), format);
  const mime = DATA_FORMATS.find((entry) => entry.format === format)?.mime ?? 'application/octet-stream';
  const textFile = (text: string): DataExport => ({ blob: new Blob([text], { type: mime }), fileName, text });
  const scope: DataScope = {
    kept: request.kept,
    description: whole ? 'everything' : `what is shown: ${request.filterLines.join('; ') || 'no filter'}`,
    positions: request.positions,
    exportedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  switch (format) {
    case 'json':
      return textFile(graphToJson(scopedGraphFile(request)));
    case 'xlsx': {
      const bytes = await sheetsToXlsx(graphToSheets(scopedGraphFile(request)));
      return { blob: new Blob([bytes as BlobPart], { type: mime }), fileName };
    }
    case 'csv': {
      const bytes = sheetsToCsvZip(graphToSheets(scopedGraphFile(request)));
      return { blob: new Blob([bytes as BlobPart], { type: mime }), fileName };
    }
    case 'gexf':
      return textFile(toGexf(request.graph, scope));
    case 'graphml':
      return textFile(toGraphml(request.graph, scope));
    case 'cyjs':
      return textFile(toCyjs(request.graph, scope));
    case 'stix':
      return textFile(toStixBundle(request.graph, scope));
  }
}
