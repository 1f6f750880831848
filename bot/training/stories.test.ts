import { describe, expect, it } from 'vitest';
import { storyGroups } from './stories';

describe('storyGroups', () => {
  const report = {
    title: 'Poverenik traži procenu uticaja za nove kamere na ulicama Beograda',
    text: 'Poverenik za zaštitu podataka o ličnosti zatražio je od Ministarstva unutrašnjih poslova da objavi procenu uticaja sistema video nadzora sa stotinama novih kamera postavljenih na ulicama grada.',
  };
  it('puts copies of one report together, in either script, and keeps other stories apart', () => {
    const groups = storyGroups([
      report,
      { title: 'Tram timetable changes in Novi Sad', text: 'The city transport company announced new timetables for the tram lines from Monday, with more departures in the morning.' },
      { title: 'Повереник тражи процену утицаја за нове камере на улицама Београда', text: 'Повереник за заштиту података о личности затражио је од Министарства унутрашњих послова да објави процену утицаја система видео надзора са стотинама нових камера постављених на улицама града.' },
      { title: 'Ko nas gleda', text: report.text },
    ]);
    expect(groups[2]).toBe(groups[0]);
    expect(groups[3]).toBe(groups[0]);
    expect(groups[1]).not.toBe(groups[0]);
  });
  it('groups transitively, each group numbered by its first item', () => {
    const a = 'jabuka kruska sljiva tresnja visnja malina kupina jagoda borovnica ribizla dunja breskva kajsija'.split(' ');
    const b = 'hrast bukva jasen javor lipa topola vrba breza bor jela smrca kesten orah'.split(' ');
    // y holds most of x and most of z; x and z share nothing.
    const x = { title: 'Prvi', text: a.join(' ') };
    const y = { title: 'Drugi', text: [...a.slice(3), ...b.slice(0, 10)].join(' ') };
    const z = { title: 'Treci', text: b.join(' ') };
    const groups = storyGroups([z, { title: 'nesto', text: 'nista zajednicko sa ostalima ovde uopste nema' }, x, y]);
    expect(groups).toEqual([0, 1, 0, 0]);
  });
});
