import { Box, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Uncertainty } from '../api.js';
import { formatNumber } from '../format.js';

/**
 * How far the unit's rank depends on the index's choices: the 5th to 95th percentile of its rank
 * over the uncertainty analysis' runs, said in words and drawn on a strip from first to last. The
 * words carry everything; the strip is decoration for sighted readers.
 */
export function RankInterval({
  item,
  design,
  units,
}: {
  item: Uncertainty['items'][number];
  design: Uncertainty['design'];
  units: number;
}) {
  const { t, i18n } = useTranslation();
  const { p05_rank: low, p95_rank: high, median_rank: median, nominal_rank: nominal } = item;
  if (low === null || high === null || nominal === null || units < 2) return null;
  const at = (rank: number) => `${((rank - 1) / (units - 1)) * 100}%`;
  const share = item.within_k_share === null ? null : Math.round(item.within_k_share * 100);
  return (
    <Paper withBorder p="sm" maw={560} data-testid="rank-interval">
      <Text size="sm" fw={600}>
        {t('profile.intervalTitle')}
      </Text>
      <Text size="sm">
        {t('profile.interval', {
          low: Math.round(low),
          high: Math.round(high),
          median: formatNumber(median, i18n.language),
          runs: design.runs,
          spread: Math.round(design.weights_spread * 100),
        })}
        {share !== null && ` ${t('profile.intervalWithin', { share, k: design.k })}`}
      </Text>
      <Box aria-hidden pos="relative" h={18} mt={8} bg="gray.1" style={{ borderRadius: 4 }}>
        <Box
          pos="absolute"
          top={0}
          h={18}
          bg="blue.2"
          style={{
            insetInlineStart: at(low),
            width: `calc(${at(high)} - ${at(low)} + 4px)`,
            borderRadius: 4,
          }}
        />
        <Box
          pos="absolute"
          top={-3}
          h={24}
          w={4}
          bg="blue.8"
          style={{ insetInlineStart: at(nominal), borderRadius: 2 }}
        />
      </Box>
      <Text
        size="xs"
        c="dimmed"
        mt={4}
        style={{ display: 'flex', justifyContent: 'space-between' }}
      >
        <span>1</span>
        <span>{units}</span>
      </Text>
    </Paper>
  );
}
