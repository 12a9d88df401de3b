import { Anchor, Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router';
import type { ResultItem, ResultNode } from '../api.js';
import { formatScore, nameIn } from '../format.js';
import { useNames } from '../names.js';
import classes from './RankingTable.module.css';

/** Longer rankings draw only the rows in view; shorter ones stay whole (and print whole). */
const virtualFrom = 200;
/** A row's height before it is measured (one line of text and a badge). */
const rowHeight = 41;

export type SortKey = 'rank' | 'change' | 'unit' | 'score' | 'region';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/**
 * The ranking as a table: rank, change, unit, score, a bar per pillar, region; sortable by the
 * named columns. It fits a laptop's screen beside the map; on narrower screens the pillars and
 * region scroll sideways while the rank, unit and score stay in view. Over 200 rows (the 3,321
 * communes of the country) only the rows in view are drawn.
 */
export function RankingTable({
  framework,
  rows,
  pillars,
  sort,
  onSort,
  profileLink,
}: {
  /** The framework's id: its nodes' names are keyed by it. */
  framework: string;
  rows: ResultItem[];
  pillars: ResultNode[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  profileLink: (unit: string) => To;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useNames();
  const header = (key: SortKey, label: string, className?: string) => (
    <Table.Th
      className={className}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <UnstyledButton
        onClick={() =>
          onSort({
            key,
            descending: sort.key === key ? !sort.descending : key === 'score' || key === 'change',
          })
        }
        aria-label={t('overview.sortBy', { column: label })}
        fw={600}
      >
        {label}
        {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </UnstyledButton>
    </Table.Th>
  );
  const rank = `${classes.pinned} ${classes.rank}`;
  const unit = `${classes.pinned} ${classes.unit}`;
  const score = `${classes.pinned} ${classes.score}`;
  const virtual = rows.length > virtualFrom;
  const columns = 5 + pillars.length;
  const row = (item: ResultItem, index?: number, measure?: (el: Element | null) => void) => (
    <Table.Tr
      key={item.unit}
      ref={measure}
      data-index={index}
      aria-rowindex={index === undefined ? undefined : index + 2}
    >
      <Table.Td className={rank}>{item.rank ?? '–'}</Table.Td>
      <Table.Td className={classes.change}>
        <Change value={item.rank_change} />
      </Table.Td>
      <Table.Td className={unit}>
        <Anchor component={Link} to={profileLink(item.unit)}>
          {nameIn(item.names, language)}
        </Anchor>
      </Table.Td>
      <Table.Td className={score} fw={600}>
        {formatScore(item.score, language)}
      </Table.Td>
      {pillars.map((p) => (
        <Table.Td key={p.code}>
          <Bar
            value={item.nodes[p.code]?.score ?? null}
            label={`${names.node(framework, p.code, p.name)}: ${formatScore(item.nodes[p.code]?.score, language)}`}
          />
        </Table.Td>
      ))}
      <Table.Td className={classes.region}>
        <Text size="sm">{item.region ? names.name('region', item.region) : ''}</Text>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Table.ScrollContainer minWidth={0}>
      <Table
        striped
        highlightOnHover
        horizontalSpacing="xs"
        className={classes.table}
        data-testid="ranking"
        // Only the rows in view are in the page: the table says how many there are (the header
        // row counts), and each row its place among them.
        aria-rowcount={virtual ? rows.length + 1 : undefined}
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={virtual ? 1 : undefined}>
            {header('rank', t('overview.rank'), rank)}
            {header('change', t('overview.change'))}
            {header('unit', t('overview.unit'), unit)}
            {header('score', t('overview.score'), score)}
            {pillars.map((p) => (
              <Table.Th
                key={p.code}
                className={classes.pillar}
                title={`${p.code}: ${names.node(framework, p.code, p.name)}`}
              >
                <span className={classes.pillarName}>
                  {names.nodeShort(framework, p.code, p.code)}
                </span>
              </Table.Th>
            ))}
            {header('region', t('overview.regionColumn'))}
          </Table.Tr>
        </Table.Thead>
        {virtual ? (
          <VirtualRows rows={rows} columns={columns} renderRow={row} />
        ) : (
          <Table.Tbody>{rows.map((item) => row(item))}</Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The rows in view (and a few either side) of a long ranking, in a table that keeps its header,
 * columns and semantics: spacer rows above and below stand for the rows not drawn, so the page
 * scrolls as if all were there. Rows are measured as drawn (names wrap on a phone).
 */
function VirtualRows({
  rows,
  columns,
  renderRow,
}: {
  rows: ResultItem[];
  columns: number;
  renderRow: (item: ResultItem, index: number, measure: (el: Element | null) => void) => ReactNode;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  // Where the body starts in the page: the window scrolls, the rows are counted from there.
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const place = () => {
      const top = body.current?.getBoundingClientRect().top;
      if (top !== undefined) setMargin(top + window.scrollY);
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: margin,
    getItemKey: (i) => rows[i]?.unit ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const above = first ? first.start - margin : 0;
  const below = last ? virtualizer.getTotalSize() - (last.end - margin) : 0;
  // Stripes follow each row's place in the whole ranking: an empty row keeps the parity.
  const parity = first && first.index % 2 === 0;
  return (
    <Table.Tbody ref={body}>
      <Spacer height={above} columns={columns} />
      {parity && <Spacer height={0} columns={columns} />}
      {items.map((v) => {
        const item = rows[v.index];
        return item ? renderRow(item, v.index, virtualizer.measureElement) : null;
      })}
      <Spacer height={below} columns={columns} />
    </Table.Tbody>
  );
}

/** A row standing for rows not drawn: hidden from assistive technology, only its height counts. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty row, nothing in it takes focus
    <tr aria-hidden="true" className={classes.spacer}>
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

/** Places gained (green, up) or lost (red, down) since the period before. */
function Change({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <Text c="dimmed">–</Text>;
  if (value === 0)
    return (
      <Text c="dimmed" aria-label={t('overview.same')}>
        =
      </Text>
    );
  return (
    <Badge
      color={value > 0 ? 'teal' : 'red'}
      variant="light"
      // Whole, never cut to "▲…" by a narrow column.
      styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
      miw="3.2em"
      aria-label={value > 0 ? t('overview.up', { n: value }) : t('overview.down', { n: -value })}
    >
      {value > 0 ? `▲ ${value}` : `▼ ${-value}`}
    </Badge>
  );
}

/** A score from 0 to 100 as a small bar, with its number for screen readers and on hover. */
function Bar({ value, label }: { value: number | null; label: string }) {
  const width = value === null ? 0 : Math.max(0, Math.min(100, value));
  return (
    <div title={label} role="img" aria-label={label} className={classes.bar}>
      <div className={classes.barFill} style={{ width: `${width}%` }} />
    </div>
  );
}
