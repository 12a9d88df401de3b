import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Explanation } from '../api.js';
import { formatNumber, formatScore, nameIn } from '../format.js';
import { useNames } from '../names.js';
import { gainColour } from '../theme.js';

/**
 * What lifts the unit most: its gap to the unit just above and to the leader, then the
 * indicators where closing part of the gap to the best performer gains most places (the
 * engine's what-if, which recomputes the whole index, moving normalisation bounds included).
 */
export function WhatLifts({
  framework,
  explanation,
}: {
  /** The framework's id: its nodes' names are keyed by it. */
  framework: string;
  explanation: Explanation;
}) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const language = i18n.language;
  const { above, leader } = explanation.gaps;
  const { what_if: whatIf } = explanation;
  const unitOf = new Map(explanation.nodes.map((n) => [n.code, n.unit_of_measure]));
  const withUnit = (value: number | null, code: string) => {
    const unit = unitOf.get(code);
    return `${formatNumber(value, language)}${unit && value !== null ? ` ${unit}` : ''}`;
  };
  return (
    <>
      {above && leader && (
        <Text size="sm" mb="xs" data-testid="gaps">
          {t('profile.gapAbove', {
            unit: nameIn(above.names, language),
            rank: above.rank,
            gap: formatScore(above.gap, language),
          })}{' '}
          {t('profile.gapLeader', {
            unit: nameIn(leader.names, language),
            gap: formatScore(leader.gap, language),
          })}
        </Text>
      )}
      {!above && <Text size="sm">{t('profile.leading')}</Text>}
      <Text size="sm" c="dimmed" mb="xs">
        {t('profile.whatIfIntro', { share: Math.round(whatIf.share * 100) })}
      </Text>
      <Table.ScrollContainer
        minWidth={720}
        // Scrolled sideways on phones: reachable and named for the keyboard (axe).
        scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('profile.whatLifts') } }}
      >
        <Table striped data-testid="what-lifts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('profile.indicator')}</Table.Th>
              <Table.Th>{t('profile.now')}</Table.Th>
              <Table.Th>{t('profile.best')}</Table.Th>
              <Table.Th>{t('profile.moved')}</Table.Th>
              <Table.Th>{t('profile.newScore')}</Table.Th>
              <Table.Th>{t('profile.newRank')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {whatIf.items.map((item) => (
              <Table.Tr key={item.indicator}>
                <Table.Td>
                  <Text size="sm">{names.node(framework, item.indicator, item.name)}</Text>
                  {item.direction < 0 && (
                    <Text size="xs" c="dimmed">
                      {t('profile.lowerBetter')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{withUnit(item.value, item.indicator)}</Table.Td>
                <Table.Td>
                  {withUnit(item.best, item.indicator)}
                  <Text size="xs" c="dimmed">
                    {nameIn(item.best_unit_names, language)}
                  </Text>
                </Table.Td>
                <Table.Td>{withUnit(item.target, item.indicator)}</Table.Td>
                <Table.Td>
                  {formatScore(item.new_score, language)}{' '}
                  <Text span size="xs" c="dimmed">
                    (+{formatNumber(item.score_gain, language)})
                  </Text>
                </Table.Td>
                <Table.Td>
                  {item.new_rank ?? '–'}{' '}
                  {item.rank_gain !== null && item.rank_gain > 0 && (
                    <Text span size="xs" c={gainColour} fw={600}>
                      {t('profile.placesUp', { count: item.rank_gain })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
