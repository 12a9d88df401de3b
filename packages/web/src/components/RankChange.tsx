import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Explanation } from '../api.js';
import { formatNumber } from '../format.js';
import { useNames } from '../names.js';
import { gainColour, lossColour } from '../theme.js';

/** Indicators shown, by the size of their share in the change of score. */
const shown = 8;

/**
 * The change of score and rank since the previous period, attributed to the indicators whose
 * contributions moved most (the contributions add up to the score, so their changes add up to
 * the change of score).
 */
export function RankChange({
  framework,
  change,
}: {
  /** The framework's id: its nodes' names are keyed by it. */
  framework: string;
  change: NonNullable<Explanation['change']>;
}) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const language = i18n.language;
  const signed = (x: number | null) =>
    x === null ? '–' : `${x > 0 ? '+' : ''}${formatNumber(x, language)}`;
  const movers = change.nodes
    .filter((n) => n.value !== null || n.previous_value !== null)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .slice(0, shown);
  const rankWords =
    change.rank_change === null || change.rank_change === 0
      ? t('profile.rankSame')
      : change.rank_change > 0
        ? t('profile.rankUp', { count: change.rank_change })
        : t('profile.rankDown', { count: -change.rank_change });
  return (
    <>
      <Text size="sm" mb="xs" data-testid="rank-change">
        {t('profile.changeSince', {
          period: change.previous,
          rank: rankWords,
          points: signed(change.score_change),
        })}
      </Text>
      {change.derived && (
        <Text size="xs" c="dimmed" mb="xs" data-testid="change-derived">
          {t('profile.changeDerived', {
            period: change.previous,
            units: change.predecessors.join(', '),
          })}
        </Text>
      )}
      <Table striped maw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('profile.indicator')}</Table.Th>
            <Table.Th>{change.previous}</Table.Th>
            <Table.Th>{t('profile.now')}</Table.Th>
            <Table.Th>{t('profile.pointsChange')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {movers.map((n) => (
            <Table.Tr key={n.code}>
              <Table.Td>{names.node(framework, n.code, n.name)}</Table.Td>
              <Table.Td>{formatNumber(n.previous_value, language)}</Table.Td>
              <Table.Td>{formatNumber(n.value, language)}</Table.Td>
              <Table.Td c={n.change > 0 ? gainColour : n.change < 0 ? lossColour : undefined}>
                {signed(n.change)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
