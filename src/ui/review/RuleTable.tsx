import type { RuleStat } from '../../review/report';
import { Small, Table, TableScroll } from './Table';
import { w } from './words';

const rate = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;

/** Per rule: fired, routed, accepted, overrides and the agents' reasons, to tune the rules by. */
export function RuleTable({ rules }: { rules: readonly RuleStat[] }) {
  if (rules.length === 0) return <p>{w('rules.empty')}</p>;
  return (
    <TableScroll>
      <Table>
        <thead>
          <tr>
            <th scope="col">{w('rules.columns.rule')}</th>
            <th scope="col" className="number">
              {w('rules.columns.fired')}
            </th>
            <th scope="col" className="number">
              {w('rules.columns.routed')}
            </th>
            <th scope="col" className="number">
              {w('rules.columns.accepted')}
            </th>
            <th scope="col" className="number">
              {w('rules.columns.rate')}
            </th>
            <th scope="col" className="number">
              {w('rules.columns.overrides')}
            </th>
            <th scope="col">{w('rules.columns.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((stat) => (
            <tr key={stat.rule} data-rule={stat.rule}>
              <td>
                <code>{stat.rule}</code>
                <Small>{stat.guideRow}</Small>
              </td>
              <td className="number">{stat.fired}</td>
              <td className="number">{stat.routed}</td>
              <td className="number">{stat.accepted}</td>
              <td className="number">{rate(stat.accepted, stat.routed)}</td>
              <td className="number">{stat.overrides}</td>
              <td>
                {stat.reasons.map((reason, index) => (
                  <div key={index}>{reason}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableScroll>
  );
}
