import { List, Stack, Table, Text } from '@mantine/core';
import type { OutputReason, OutputSeriesDto } from '../../../contracts/extension';
import { formatNumber, formatPercent, formatVnd } from '../../../contracts/format';
import type { Lang } from '../../../contracts/messages';

/** Growth in percentage points, signed: +32,50 điểm % / +32.50 points. */
export function points(n: number | null, lang: Lang): string {
  if (n === null) return '–';
  const s = `${n > 0 ? '+' : ''}${formatNumber(n, lang, 2)}`;
  return lang === 'vi' ? `${s} điểm %` : `${s} points`;
}

export function signedPct(n: number | null, lang: Lang): string {
  if (n === null) return '–';
  return `${n > 0 ? '+' : ''}${formatPercent(n, lang)}`;
}

/** Why a figure of the comparison is missing, in words. */
export function reasonText(r: OutputReason, lang: Lang): string {
  const p = r.params;
  const vi = lang === 'vi';
  switch (r.code) {
    case 'no_source':
      return vi
        ? 'Không có nguồn số liệu thống kê (phân hệ thống kê chưa được kết nối).'
        : 'No statistics source (the statistics module is not connected).';
    case 'enterprise_no_reports':
      return vi
        ? `Doanh nghiệp không có báo cáo sản lượng năm ${p.year}.`
        : `The enterprise has no output reports for ${p.year}.`;
    case 'enterprise_incomplete_year':
      return vi
        ? `Doanh nghiệp chỉ báo cáo ${p.months}/12 tháng năm ${p.year}: không so sánh cả năm được.`
        : `The enterprise reported ${p.months} of 12 months in ${p.year}: no full-year comparison.`;
    case 'enterprise_unpriced':
      return vi
        ? `Năm ${p.year} có ${p.rows} dòng báo cáo của sản phẩm chưa có giá so sánh năm gốc.`
        : `${p.year}: ${p.rows} report rows are for products with no base-year price.`;
    case 'enterprise_zero_base':
      return vi
        ? `Sản lượng năm ${p.year} của doanh nghiệp bằng 0: không tính được tốc độ tăng.`
        : `The enterprise's ${p.year} output is zero: no growth rate.`;
    case 'no_peers':
      return vi
        ? `Không có doanh nghiệp chưa được hỗ trợ cùng ngành VSIC ${p.vsic} báo cáo đủ 12 tháng năm ${p.before} và ${p.after}` +
            (Number(p.candidates) > 0 ? ` (${p.candidates} doanh nghiệp có báo cáo nhưng chưa đủ).` : '.')
        : `No unsupported enterprise of VSIC class ${p.vsic} reported all 12 months of ${p.before} and ${p.after}` +
            (Number(p.candidates) > 0 ? ` (${p.candidates} reported, not completely).` : '.');
    case 'peer_zero_base':
      return vi ? `Sản lượng năm ${p.year} của nhóm so sánh bằng 0.` : `The peers' ${p.year} output is zero.`;
    default:
      return r.code;
  }
}

const T = {
  vi: {
    year: 'Năm',
    ent: 'Doanh nghiệp được hỗ trợ',
    peers: 'Bình quân DN chưa được hỗ trợ cùng ngành',
    growth: 'Tăng trưởng',
    diff: 'Chênh lệch tăng trưởng',
    extra: 'Sản lượng tăng thêm so với xu hướng ngành',
    perVnd: 'trên mỗi đồng hỗ trợ',
    note: (o: OutputSeriesDto) =>
      `Giá trị sản xuất theo giá so sánh (báo cáo thống kê, bản sửa mới nhất). So sánh năm ${o.beforeYear} (trước hỗ trợ) với năm ${o.afterYear} (sau hỗ trợ); nhóm so sánh: ${o.peerCount} DN cùng ngành VSIC ${o.vsic} chưa từng được duyệt hỗ trợ, báo cáo đủ 12 tháng cả hai năm${o.peersLeftOut ? ` (${o.peersLeftOut} DN bị loại vì thiếu tháng)` : ''}. Chỉ mang tính tham khảo, không phải đánh giá tác động nhân quả.`,
    months: 'tháng',
    support: 'năm hỗ trợ',
  },
  en: {
    year: 'Year',
    ent: 'Supported enterprise',
    peers: 'Mean of unsupported same-class enterprises',
    growth: 'Growth',
    diff: 'Growth difference',
    extra: 'Output above the class trend',
    perVnd: 'per VND of support',
    note: (o: OutputSeriesDto) =>
      `Gross output at constant prices (statistics reports, latest revision). ${o.beforeYear} (before support) against ${o.afterYear} (after); peers: ${o.peerCount} enterprises of VSIC class ${o.vsic} never approved for support that reported all 12 months of both years${o.peersLeftOut ? ` (${o.peersLeftOut} left out for missing months)` : ''}. Indicative, not a causal estimate.`,
    months: 'months',
    support: 'support year',
  },
};

/** The scheme's output against its peers: the years, the growths, the difference, and why anything is missing. */
export function OutputComparison({ o, lang, title }: { o: OutputSeriesDto; lang: Lang; title: string }) {
  const w = T[lang];
  const years = [o.beforeYear, o.supportYear, o.afterYear];
  const at = (s: OutputSeriesDto['enterprise'], y: number) => s.find((x) => x.period === String(y));
  const cell = (p: { value: number; months: number } | undefined) =>
    p ? `${formatVnd(p.value, lang, 2)}${p.months < 12 ? ` (${p.months}/12 ${w.months})` : ''}` : '–';
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={340}>
        <Table withTableBorder aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{w.year}</Table.Th>
              <Table.Th ta="right">{w.ent}</Table.Th>
              <Table.Th ta="right">{w.peers}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {years.map((y) => (
              <Table.Tr key={y}>
                <Table.Th scope="row" fw={400}>
                  {y}
                  {y === o.supportYear ? ` (${w.support})` : ''}
                </Table.Th>
                <Table.Td ta="right">{cell(at(o.enterprise, y))}</Table.Td>
                <Table.Td ta="right">{cell(at(o.peers, y))}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">
                {w.growth} {o.beforeYear}→{o.afterYear}
              </Table.Th>
              <Table.Td ta="right" fw={700}>
                {signedPct(o.enterpriseGrowthPct, lang)}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {signedPct(o.peersGrowthPct, lang)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text>
        {w.diff}: <strong data-testid="growth-difference">{points(o.growthDifferencePct, lang)}</strong>
        {o.extraOutputVnd !== null && (
          <>
            {' · '}
            {w.extra}: {formatVnd(o.extraOutputVnd, lang, 2)}
            {o.extraOutputPerSupportVnd !== null &&
              ` (${formatNumber(o.extraOutputPerSupportVnd, lang, 2)} đ ${w.perVnd})`}
          </>
        )}
      </Text>
      {o.reasons.length > 0 && (
        <List size="sm" c="orange.9" role="status">
          {o.reasons.map((r) => (
            <List.Item key={`${r.code}-${JSON.stringify(r.params)}`}>{reasonText(r, lang)}</List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        {w.note(o)}
      </Text>
    </Stack>
  );
}
