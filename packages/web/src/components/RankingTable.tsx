import { Anchor, Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router';
import type { ResultItem, ResultNode } from '../api.js';
import { formatScore, nameIn } from '../format.js';
import { useNames } from '../names.js';
import classes from './RankingTable.module.css';

export type SortKey = 'rank' | 'change' | 'unit' | 'score' | 'region';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/**
 * The ranking as a table: rank, change, unit, score, a bar per pillar, region; sortable by the
 * named columns. It fits a laptop's screen beside the map; on narrower screens the pillars and
 * region scroll sideways while the rank, unit and score stay in view.
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

  return (
    <Table.ScrollContainer minWidth={0}>
      <Table
        striped
        highlightOnHover
        horizontalSpacing="xs"
        className={classes.table}
        data-testid="ranking"
      >
        <Table.Thead>
          <Table.Tr>
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
        <Table.Tbody>
          {rows.map((item) => (
            <Table.Tr key={item.unit}>
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
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
