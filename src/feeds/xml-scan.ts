/**
 * One linear pass over a feed's text with htmlparser2's tokenizer in XML mode, before xml2js
 * (through rss-parser) builds anything. It understands quoted attribute values, comments, CDATA
 * sections, processing instructions and declarations, so a `/` or `>` inside any of them cannot
 * make a deep feed look shallow. It counts what xml2js would build (element depth, elements,
 * attributes, time: src/guards/parse-budget.ts) and refuses, over the whole document, any
 * entity declaration outside CDATA: entities are never expanded, and the refusal does not rely
 * on that. It also finds the DOCTYPE and the root element, so the prolog can be dropped.
 */
import { Tokenizer } from 'htmlparser2';
import { FeedParseError } from '../errors.ts';
import { type FailParse, ParseBudget, type ParseLimits } from '../guards/parse-budget.ts';

/**
 * Limits of one feed. Real feeds (../shared/corpus/feeds, up to 150 KB) nest 5 levels and hold
 * at most 5,300 nodes and 660 attributes; a 15 MiB feed of full articles stays far below these.
 */
export const FEED_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxDepth: 256,
  maxNodes: 250_000,
  maxAncestry: 5_000_000,
  maxAttributes: 250_000,
  budgetMs: 5_000,
});

export interface XmlScan {
  /** Offset of `<!DOCTYPE` when the prolog has one (outside comments and CDATA). */
  doctypeAt: number;
  /** Offset of the root element's `<`, or -1 when there is none. */
  rootAt: number;
  elements: number;
  maxDepth: number;
}

const ENTITY_DECLARATION = /<!ENTITY/gi;

/** Is `at` inside one of the sorted, disjoint [start, end) ranges? */
function inside(ranges: number[], at: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < ranges[2 * mid]!) hi = mid - 1;
    else if (at >= ranges[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Scan feed text. Throws FeedParseError (`details.reason`: dtd-entities, too-deep,
 * too-many-nodes, too-many-attributes, too-slow).
 */
export function scanXml(xml: string, limits: Readonly<ParseLimits> = FEED_LIMITS): XmlScan {
  const fail: FailParse = (reason, message, details) => {
    throw new FeedParseError(`feed ${message}: refused`, { details: { reason, ...details } });
  };
  const budget = new ParseBudget(limits, fail);
  const stack: string[] = [];
  /** CDATA contents as [start, end) pairs, in document order. */
  const cdata: number[] = [];
  let doctypeAt = -1;
  let rootAt = -1;
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname(start, end) {
        if (rootAt < 0) rootAt = start - 1;
        stack.push(xml.slice(start, end));
        budget.node(stack.length);
      },
      onselfclosingtag() {
        stack.pop();
      },
      onclosetag(start, end) {
        const name = xml.slice(start, end);
        if (stack[stack.length - 1] === name) stack.pop();
        else {
          const at = stack.lastIndexOf(name);
          if (at >= 0) stack.length = at;
        }
        budget.endTag(stack.length + 1);
      },
      onattribend() {
        budget.attribute();
      },
      ondeclaration(start) {
        // `start` is just past `<!`.
        if (doctypeAt < 0 && rootAt < 0 && /^doctype/i.test(xml.slice(start, start + 7)))
          doctypeAt = start - 2;
        budget.tick();
      },
      oncdata(start, end, offset) {
        cdata.push(start, end - offset);
        budget.tick();
      },
      ontext: () => budget.tick(),
      oncomment: () => budget.tick(),
      onprocessinginstruction: () => budget.tick(),
      onopentagend: () => undefined,
      onattribname: () => undefined,
      onattribdata: () => undefined,
      onattribentity: () => undefined,
      ontextentity: () => undefined,
      onend: () => undefined,
    },
  );
  tokenizer.write(xml);
  tokenizer.end();
  budget.checkTime();
  ENTITY_DECLARATION.lastIndex = 0;
  for (let m = ENTITY_DECLARATION.exec(xml); m; m = ENTITY_DECLARATION.exec(xml)) {
    if (!inside(cdata, m.index)) {
      throw new FeedParseError(
        'feed declares DTD entities: refused (entity expansion and external entities are never processed)',
        { details: { reason: 'dtd-entities', offset: m.index } },
      );
    }
  }
  return { doctypeAt, rootAt, elements: budget.nodes, maxDepth: budget.maxDepthSeen };
}
