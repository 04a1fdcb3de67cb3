// Corpus cases for the methods templates call on time.Time (from toDate, now, dateModify…) and on what
// they return: time.Duration (Sub), time.Month, time.Weekday, *time.Location.
import type { Case } from './oracle.harness';

// $a Local, $b a fixed -03:30 zone with a fraction, $c UTC, $d a named zone Go does not know (PST, +0), $z the zero time.
const VARS =
  '{{ $a := toDate "2006-01-02 15:04:05" "2020-03-04 05:06:07" }}{{ $b := mustToDate "2006-01-02T15:04:05.999999999Z07:00" "2021-06-07T08:09:10.5-03:30" }}' +
  '{{ $c := toDate "2006-01-02T15:04:05Z07:00" "2020-03-04T05:06:07Z" }}{{ $d := mustToDate "2006-01-02 MST" "2021-01-02 PST" }}{{ $z := toDate "2006-01-02" "0001-01-01" }}';

const METHODS = [
  '{{ $a.Year }} {{ $a.Month }} {{ $a.Day }} {{ $a.Hour }} {{ $a.Minute }} {{ $a.Second }} {{ $a.Nanosecond }} {{ $a.YearDay }} {{ $a.Weekday }}',
  '{{ $b.Year }} {{ $b.Month }} {{ $b.Day }} {{ $b.Hour }} {{ $b.Minute }} {{ $b.Second }} {{ $b.Nanosecond }} {{ $b.YearDay }} {{ $b.Weekday }}',
  '{{ printf "%d %02d %v %s %T %T %T %T" $a.Month $a.Month $a.Weekday $a.Month $a.Month $a.Weekday ($a.Sub $c) $a.Location }}',
  '{{ printf "%x %q %5s| %-9v| %#v %d" $a.Month $a.Weekday $a.Month $a.Weekday $a.Month ($b.Sub $a) }}',
  '{{ $a.Sub $c }} {{ $b.Sub $a }} {{ ($b.Sub $a).Hours }} {{ ($b.Sub $a).Minutes }} {{ ($b.Sub $a).Seconds }} {{ ($b.Sub $a).Milliseconds }}',
  '{{ ($a.Sub $b).Round 3600000000000 }} {{ ($a.Sub $b).Truncate 60000000000 }} {{ ($a.Sub $b).Abs }} {{ ($a.Sub $b).Nanoseconds }} {{ ($a.Sub $b).Microseconds }}',
  '{{ ($a.Sub $b).Round 0 }} {{ ($b.Sub $a).Round 7000000000 }} {{ ($a.Sub $b).Round 7000000000 }} {{ ($z.Sub $a) }} {{ ($a.Sub $z) }} {{ ($a.Sub $a) }}',
  '{{ $a.Add 90000000000 }} {{ $a.Add -1 }} {{ $b.AddDate 0 1 30 }} {{ $a.AddDate -1 -3 0 }} {{ $a.AddDate 0 0 366 }} {{ (toDate "2006-01-02" "2020-01-31").AddDate 0 1 0 }}',
  '{{ $c.AddDate -2019 0 0 }} {{ $c.AddDate 0 -24 -1 }} {{ $b.Add ($a.Sub $c) }} {{ $b.Add (($a.Sub $b).Round 1000) }}',
  '{{ $a.Before $b }} {{ $a.After $b }} {{ $a.Equal $c }} {{ $a.Equal $a }} {{ $c.Equal ($c.In $b.Location) }} {{ $b.Before $b }} {{ $z.Before $a }}',
  '{{ $b.UTC }} {{ $b.Local }} {{ $b.Location }} {{ $a.Location }} {{ $c.Location }} {{ $d.Location }} {{ $b.In $c.Location }} {{ $c.In $b.Location }} {{ $c.In $a.Location }}',
  '{{ $b.Truncate 3600000000000 }} {{ $b.Round 3600000000000 }} {{ $b.Truncate 25200000000000 }} {{ $b.Round 25200000000000 }} {{ $b.Round 0 }} {{ $b.Truncate -5 }} {{ $b.Round 1000000000 }}',
  '{{ $b.Unix }} {{ $b.UnixMilli }} {{ $b.UnixMicro }} {{ $b.UnixNano }} {{ $z.IsZero }} {{ $a.IsZero }} {{ $z.Unix }} {{ $b.IsDST }} {{ $a.UTC.IsZero }}',
  '{{ $b.Format "Monday 2006-01-02 15:04:05.000 -07:00 MST" }} {{ $b }} {{ $b.String }} {{ $a.Month.String }} {{ $a.Weekday.String }} {{ ($a.Sub $c).String }} {{ $d }}',
  '{{ eq $a.Month 3 }} {{ lt $a.Weekday 4 }} {{ add ($a.Sub $c) 1 }} {{ list $a.Month ($b.Sub $a) $a.Location }} {{ toJson (list $a.Month ($b.Sub $a)) }} {{ $a.Location.String }}',
  '{{ $b.Format "002|__2|_2|_2006|2006" }} {{ ($c.AddDate -2030 0 0).Format "2006 06 002" }} {{ $c.AddDate -2030 0 0 }} {{ (toDate "2006-01-02" "0050-12-31").YearDay }} {{ (toDate "2006-01-02" "0050-12-31").Format "002" }}',
  '{{ $a.Date }}',
  '{{ $a.Clock }}',
  '{{ $a.Zone }}',
  '{{ $a.ISOWeek }}',
  '{{ $a.Add 1.5 }}',
  '{{ $a.Add "x" }}',
  '{{ $a.Add (int64 5) }}',
  '{{ $a.Sub 5 }}',
  '{{ $a.Compare $b }}',
  '{{ $a.In nil }}',
  '{{ $a.AddDate 1 }}',
  '{{ $a.Month 1 }}',
  '{{ $a.Year.Foo }}',
  '{{ $a.Nope }}',
  '{{ ($a.Sub $c).Nope }}',
  '{{ (now).Year | printf "%T" }} {{ (now).Location }} {{ ((now).Sub (now)).Hours | printf "%T" }} {{ (now | dateModify "-1h").Before now }}',
  '{{ (toDate "2006-01-02" "2020-03-04" | dateModify "25h").Weekday }} {{ (date "2006" 0 | toDate "2006").Year }} {{ (mustToDate "2006-01-02 -0700" "2020-03-04 +0000").Location }}',
];

export function timeCorpus(): Case[] {
  return METHODS.map((m) => ({ text: VARS + m, data: {} }));
}
