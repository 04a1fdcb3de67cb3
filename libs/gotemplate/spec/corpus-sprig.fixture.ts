// Corpus cases for the Sprig functions beyond strings and lists: dates and durations, semver, URLs,
// xstrings case conversion, and crypto. Random and time-based results are checked through templates
// that test their shape (length, prefix, regexMatch), so Go and we must still agree byte for byte.
import type { Case } from './oracle.harness';

const DATES = [
  '{{ mustToDate "Jan 2 2006" "fEB 3 2021" }} {{ mustToDate "2006-01-02T15:04:05.999999999Z07:00" "2021-06-07T08:09:10.5-03:30" }} {{ mustToDate "Mon Jan _2 15:04:05 2006" "Wed Feb  3 04:05:06 2021" }}',
  '{{ mustToDate "2006-01-02 15:04:05,000" "2021-01-02 03:04:05,678" }} {{ mustToDate "06-1-2" "70-1-2" }} {{ mustToDate "06" "6x" }} ',
  '{{ mustToDate "2006-01-02 MST" "2021-01-02 ChST" }} {{ mustToDate "2006-01-02 MST" "2021-01-02 +03" }} {{ mustToDate "2006-01-02 MST" "2021-01-02 CEST" }}',
  '{{ mustToDate "2006-01-02 MST" "2021-01-02 Xy" }}', '{{ mustToDate "2006-01-02 .000" "2021-01-02 x123" }}', '{{ mustToDate "15:04 PM" "10:30 XM" }}',
  '{{ mustToDate "2006-01-02 -0700" "2021-01-02 +01x0" }}', '{{ mustToDate "2006 002" "2021 366" }}', '{{ mustToDate "2006-01 002" "2021-02 001" }}',
  '{{ mustToDate "2006-01-02 -07:00" "2021-01-02 +05:45" | dateModify "30m" }} {{ mustToDate "2006-01-02 15:04" "0001-01-01 00:00" | dateModify "-1ns" }}',
  '{{ dateModify "2h45m3.5s" (toDate "2006" "1999") }} {{ dateModify ".5h" (toDate "2006" "1999") }} {{ dateModify "1.h" (toDate "2006" "1999") }} {{ mustDateModify "." (toDate "2006" "1999") }}',
  '{{ duration "3723" }} {{ duration "-0" }} {{ duration "+61" }} {{ duration "1_000" }} {{ duration 1.5 }} {{ durationRound "1h59m" }} {{ durationRound "-1m1s" }} {{ durationRound "1µs" }} {{ durationRound "x" }}',
  '{{ toDate "2006-01-02" "2020-03-04" }}', '{{ toDate "2006-01-02 15:04:05" "2020-03-04 05:06:07.123" }}',
  '{{ toDate "2006-01-02T15:04:05Z07:00" "2020-03-04T05:06:07+02:00" }}', '{{ toDate "2006-01-02T15:04:05Z07:00" "2020-03-04T05:06:07Z" }}',
  '{{ toDate "2006-01-02" "bad" }}', '{{ mustToDate "2006-01-02" "bad" }}', '{{ mustToDate "2006-01-02" "2020-13-01" }}',
  '{{ mustToDate "2006-01-02" "2020-02-30" }}', '{{ mustToDate "2006-01-02" "2020-01-01x" }}', '{{ mustToDate "Jan 2 2006 MST" "Feb 3 2021 PST" }}',
  '{{ mustToDate "Jan 2 2006 MST" "Feb 3 2021 GMT+3" }}', '{{ mustToDate "3:04PM" "11:30am" }}', '{{ mustToDate "3:04pm" "11:30PM" }}',
  '{{ mustToDate "02/01/06 -0700" "31/12/99 +0530" }}', '{{ mustToDate "2006-01-02 15:04:05.000" "2020-01-01 10:00:00.12" }}',
  '{{ mustToDate "2006-01-02 15:04:05.999" "2020-01-01 10:00:00.123456789" }}', '{{ mustToDate "Monday, 02-Jan-06" "Tuesday, 03-Mar-20" }}',
  '{{ mustToDate "2006 002" "2020 060" }}', '{{ mustToDate "2006 __2" "2021   7" }}', '{{ mustToDate "2006-01-02 -07:00" "2020-01-01 +0100" }}',
  '{{ mustToDate "2006-01-02 Z07:00" "2020-01-01 +01:00" }}', '{{ mustToDate "2006-01-02 15:04:05 MST" "2020-01-01 10:00:00 UTC" }}',
  '{{ mustToDate "2006-01-02 15" "2020-01-01 25" }}', '{{ mustToDate "2006-01-02" "2020-1-01" }}', '{{ mustToDate "Jan _2" "Feb  3" }}',
  '{{ (toDate "2006-01-02" "2020-03-04").Unix }}', '{{ toDate "2006-01-02" "2020-03-04" | date "Jan 2, 2006" }}',
  '{{ toDate "2006-01-02" "2020-03-04" | dateModify "1h30m" }}', '{{ toDate "2006-01-02" "2020-03-04" | dateModify "-1.5h" }}',
  '{{ toDate "2006-01-02" "2020-03-04" | dateModify "bad" }}', '{{ toDate "2006-01-02" "2020-03-04" | mustDateModify "bad" }}',
  '{{ toDate "2006-01-02" "2020-03-04" | mustDateModify "1" }}', '{{ toDate "2006-01-02" "2020-03-04" | mustDateModify "1x" }}',
  '{{ toDate "2006-01-02" "2020-03-04" | mustDateModify "" }}', '{{ toDate "2006-01-02" "2020-03-04" | mustDateModify "1.000000001s" }}',
  '{{ toDate "2006-01-02" "2020-03-04" | date_modify "24h" | unixEpoch }}', '{{ toDate "2006-01-02" "2020-03-04" | must_date_modify "-1µs" }}',
  '{{ duration "95" }} {{ duration .i64 }} {{ duration 95 }} {{ duration "x" }} {{ duration "-3600" }} {{ duration "99999999999999999999" }}',
  '{{ duration "86400" }} {{ duration "0" }} {{ duration .f }} {{ duration "9223372036" }} {{ duration "9223372037" }}',
  '{{ durationRound "2h10m" }} {{ durationRound "-72h" }} {{ durationRound "400d" }} {{ durationRound "8760h1s" }} {{ durationRound "1s" }}',
  '{{ durationRound "1.5s" }} {{ durationRound "750h" }} {{ durationRound "61s" }} {{ durationRound 3600 }} {{ durationRound .i64 }}',
  '{{ dateInZone "2006-01-02 15:04 MST -0700" (toDate "2006-01-02" "2020-07-04") "America/New_York" }}',
  '{{ dateInZone "2006-01-02 15:04 MST -0700" (toDate "2006-01-02" "2020-01-04") "America/New_York" }}',
  '{{ dateInZone "15:04 MST" .epoch "Europe/Berlin" }} {{ dateInZone "15:04 MST" .epoch "Asia/Kolkata" }} {{ dateInZone "15:04 MST" .epoch "Asia/Tokyo" }}',
  '{{ dateInZone "15:04 MST" .epoch "Europe/Istanbul" }} {{ dateInZone "15:04 MST" .epoch "Australia/Sydney" }} {{ dateInZone "15:04 MST" .epoch "Asia/Kathmandu" }}',
  '{{ dateInZone "15:04 MST" .epoch "Nope/Zone" }} {{ dateInZone "15:04 MST" .epoch "" }} {{ dateInZone "15:04 MST" .epoch "Local" }} {{ dateInZone "15:04 MST" .epoch "europe/berlin" }}',
  '{{ date_in_zone "2006-01-02T15:04:05Z07:00" .epoch "America/Sao_Paulo" }} {{ htmlDateInZone .epoch "Pacific/Kiritimati" }}',
  '{{ dateInZone "15:04 MST" .epoch "Europe/London" }} {{ dateInZone "15:04 MST" .epoch "Europe/Dublin" }} {{ dateInZone "15:04 MST" .epoch "EST" }}',
];

const SEMVER = [
  '{{ (semver "1.2.3").major }}', '{{ printf "%v %s %d" (semver "1.2.3") (semver "v3") (semver "1.0.0").Major }}',
  '{{ semver "1.2.3" }} {{ semver "v1.2" }} {{ (semver "1.2.3-beta.1+b5").Prerelease }} {{ (semver "1.2.3-beta.1+b5").Metadata }} {{ (semver "v2").Major }}',
  '{{ (semver "1.2.3").Minor }} {{ (semver "1.2.3").Patch }} {{ (semver "v1.2.3").Original }} {{ printf "%T" (semver "1.0.0") }} {{ toJson (semver "1.0.0") }}',
  '{{ semver "x" }}', '{{ semver "1.2.3.4" }}', '{{ semver "01.2.3" }}', '{{ semver "1.2.3-01" }}', '{{ semver "1.2.3-a_b" }}', '{{ semver "" }}',
  '{{ (semver "1.2.3").Compare (semver "1.2.4") }} {{ (semver "1.2.3").LessThan (semver "1.2.4") }} {{ (semver "1.0.0-alpha").GreaterThan (semver "1.0.0-alpha.1") }}',
  '{{ (semver "1.0.0-rc.1").Compare (semver "1.0.0-rc.1") }} {{ (semver "1.0.0-beta.11").Compare (semver "1.0.0-beta.2") }} {{ (semver "1.0.0-1").Compare (semver "1.0.0-a") }}',
  '{{ (semver "1.2.3").IncMajor }} {{ (semver "v1.2.3-pre").IncPatch }} {{ (semver "1.2.3").IncMinor }} {{ (semver "1.2.3").Compare "1.2.3" }}',
  '{{ semverCompare ">=1.2.3" "1.2.3" }} {{ semverCompare ">1.2.3" "1.2.3" }} {{ semverCompare "<1.2.3" "1.2.2" }} {{ semverCompare "<=1.2" "1.2.9" }} {{ semverCompare "!=1.2.3" "1.2.4" }}',
  '{{ semverCompare "^1.2.3" "1.9.0" }} {{ semverCompare "^1.2.3" "2.0.0" }} {{ semverCompare "^0.2.3" "0.2.9" }} {{ semverCompare "^0.2.3" "0.3.0" }} {{ semverCompare "^0.0.3" "0.0.4" }} {{ semverCompare "^0.0" "0.0.9" }}',
  '{{ semverCompare "~1.2.3" "1.2.9" }} {{ semverCompare "~1.2.3" "1.3.0" }} {{ semverCompare "~1" "1.9.9" }} {{ semverCompare "~>1.2" "1.2.0" }} {{ semverCompare "~0" "0.9.0" }}',
  '{{ semverCompare "1.2.x" "1.2.7" }} {{ semverCompare "1.x" "1.3.0" }} {{ semverCompare "*" "4.0.0" }} {{ semverCompare "1.2.*" "1.3.0" }} {{ semverCompare "X" "0.0.1" }}',
  '{{ semverCompare "1.2 - 1.4.5" "1.4.5" }} {{ semverCompare "1.2 - 1.4.5" "1.4.6" }} {{ semverCompare "1.2.3 - 2" "2.9.0" }} {{ semverCompare ">=1, <2 || >=3" "3.1.0" }} {{ semverCompare ">=1 <2 || 5" "5.2.0" }}',
  '{{ semverCompare ">=1.2.3" "1.3.0-beta" }} {{ semverCompare ">=1.2.3-0" "1.3.0-beta" }} {{ semverCompare "^1.2.3-alpha" "1.2.3-beta" }} {{ semverCompare "!=1.2.x" "1.3.0-rc1" }} {{ semverCompare "!=1.2.3" "1.2.3-rc1" }}',
  '{{ semverCompare ">=1.16.0-0" "v1.25.3+k3s1" }} {{ semverCompare ">= 1.19-0" "1.27.4-eks-2d98532" }} {{ semverCompare "<1.19-0" "1.18.10-gke.1500" }} {{ semverCompare ">1.x" "2.0.0" }} {{ semverCompare ">1.2.x" "1.3.0" }}',
  '{{ semverCompare "<=1.x" "1.9.9" }} {{ semverCompare "<=1.2.x" "1.3.0" }} {{ semverCompare "!=1.x" "1.2.0" }} {{ semverCompare "!=1.2.x" "1.2.0" }} {{ semverCompare "=1.2.3" "1.2.3" }} {{ semverCompare "=>1.0" "1.0.0" }} {{ semverCompare "=<1.0" "1.0.0" }}',
  '{{ semverCompare "bad" "1.0.0" }}', '{{ semverCompare ">=1.0" "bad" }}', '{{ semverCompare "" "1.0.0" }}', '{{ semverCompare ">=1.0 ||" "1.0.0" }}', '{{ semverCompare "> = 1" "1.0.0" }}',
  '{{ semverCompare "1.2.3+build" "1.2.3" }} {{ semverCompare "v1.2" "1.2.0" }} {{ semverCompare "   >=1.0   " "1.0.0" }} {{ semverCompare ">=1.0,<2.0" "1.5.0" }}',
];

const URLS = [
  '{{ urlParse "https://user:pa%20ss@example.com:8443/a/b%2Fc?x=1&y=2#frag%21" | toJson }}', '{{ urlParse "mailto:joe@example.com" | toJson }}',
  '{{ urlParse "/relative/path?q" | toJson }}', '{{ urlParse "http://[::1]:80/x" | toJson }}', '{{ urlParse "HTTP://Example.COM" | toJson }}',
  '{{ urlParse "http://a b.com/" }}', '{{ urlParse ":foo" }}', '{{ urlParse "a:b/c:d" | toJson }}', '{{ urlParse "1http://x" }}', '{{ urlParse "%zz" }}', '{{ urlParse "http://x:port/" }}',
  '{{ urlParse "http://x/%zz" }}', '{{ urlParse "http://x/#%zz" }}', '{{ urlParse "http://[::1/" }}', '{{ urlParse "?" | toJson }}', '{{ urlParse "http://u@x?" | toJson }}',
  '{{ urlJoin (dict "scheme" "https" "host" "example.com" "path" "/a b" "query" "x=1" "fragment" "f g") }}', '{{ urlJoin (dict "host" "h" "path" "p") }}',
  '{{ urlJoin (dict "scheme" "mailto" "opaque" "joe@example.com") }}', '{{ urlJoin (dict "path" "a:b") }}', '{{ urlJoin (dict "scheme" "https" "host" "h" "userinfo" "u:p@ss") }}',
  '{{ urlJoin (dict "scheme" "https" "host" "h" "userinfo" "bob") }}', '{{ urlJoin (dict "scheme" 1) }}', '{{ urlJoin (dict) }}', '{{ urlJoin (urlParse "https://u:p@h:1/x?y#z") }}',
  '{{ urlJoin (dict "scheme" "https" "host" "h" "userinfo" "%zz") }}', '{{ urlJoin (dict "scheme" "s" "path" "p") }}', '{{ urlJoin (dict "scheme" "s" "host" "h" "path" "p") }}',
];

const CASES = ['HTTPServer', 'fooBar_baz', 'a-b c', 'FirstName', 'NoHTTPS', 'GO_PATH', 'GO PATH', 'http2xx', 'HTTP20xOK', 'Duration2m3s',
  'Bld4Floor3rd', '_complex__case_', '  lead', 'trail  ', 'a.b,c!d', 'ÀbcDéf', 'x-Y_z', '123abc', 'ABC123def', 'a1B2c3', 'snake_Case-kebab Case',
  '日本語Text', 'mixed$Symbols#Here', 'A', 'aB', 'AB', 'ID', 'userID', 'IDs', 'version1.2.3', '--x--', 'helloWORLDFoo', 'ǅemo', 'x²y', 'tab\there'];

const STRINGS = [
  '{{ abbrevboth 5 10 "1234 5678 9123" }} {{ abbrevboth 0 10 "1234 5678 9123" }} {{ abbrevboth 3 3 "abcdefgh" }} {{ abbrevboth 10 6 "abcdefghijklmno" }} {{ abbrevboth 20 8 "abcdefghijklmnopqrstuvwxyz" }}',
  '{{ abbrevboth 4 7 "abcdefghijklmno" }} {{ abbrevboth 5 7 "abcdefghijklmno" }} {{ abbrevboth 0 4 "" }} {{ abbrev 5 "hello world" }} {{ abbrev 3 "hello" }} {{ abbrev 6 "héllo wörld" }}',
  ...['HTTPServer', 'fooBar_baz', 'a-b c', 'FirstName', 'NoHTTPS', 'GO_PATH', 'GO PATH', 'http2xx', 'HTTP20xOK', 'Duration2m3s', 'Bld4Floor3rd', '_complex__case_', '  lead', 'trail  ', 'a.b,c!d', 'ÀbcDéf', 'x-Y_z', '123abc', 'ABC123def', 'a1B2c3', 'snake_Case-kebab Case', '日本語Text', 'mixed$Symbols#Here', 'A', 'aB', 'AB', 'ID', 'userID', 'IDs', 'version1.2.3', '--x--', 'helloWORLDFoo']
    .map((s) => `{{ snakecase ${JSON.stringify(s)} }}|{{ kebabcase ${JSON.stringify(s)} }}|{{ camelcase ${JSON.stringify(s)} }}`),
  ...CASES.map((s) => `{{ snakecase ${JSON.stringify(s)} }}|{{ kebabcase ${JSON.stringify(s)} }}|{{ camelcase ${JSON.stringify(s)} }}`),
];

const CRYPTO = [
  '{{ derivePassword 1 "long" "password" "user" "example.com" }} {{ derivePassword 2 "maximum" "pass" "üser" "site" }} {{ derivePassword 1 "pin" "p" "u" "s" }} {{ derivePassword 1 "nope" "p" "u" "s" }}',
  '{{ derivePassword 3 "basic" "" "" "" }} {{ derivePassword 1 "short" "p" "u" "s" }} {{ derivePassword 1 "medium" "p" "u" "s" }}',
  '{{ "secret text" | encryptAES "key" | decryptAES "key" }}|{{ encryptAES "k" "" }}|{{ decryptAES "k" "" }}|{{ encryptAES "a-very-long-password-over-32-bytes-long!" "x" | decryptAES "a-very-long-password-over-32-bytes-long!" }}',
  '{{ decryptAES "k" "!!!!" }}', '{{ decryptAES "k" "YWJj" }}', '{{ decryptAES "k" "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=" }}', '{{ decryptAES "k" "MDEyMzQ1Njc4OWFiY2RlZg==" }}',
  '{{ decryptAES "key" "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" | len }}', '{{ len (encryptAES "k" "sixteen bytes!!!") }} {{ len (encryptAES "k" "x") }}',
  '{{ randBytes 24 | len }} {{ regexMatch "^[A-Za-z0-9+/]{32}$" (randBytes 24) }} {{ randBytes 0 }}|{{ len (shuffle "hello") }} {{ shuffle "" }} {{ shuffle "aaa" }}', '{{ randBytes -1 }}',
  '{{ len (bcrypt "pw") }} {{ regexMatch "^\\\\$2a\\\\$10\\\\$[./A-Za-z0-9]{53}$" (bcrypt "pw") }} {{ htpasswd "us:er" "pw" }} {{ regexMatch "^bob:\\\\$2a\\\\$10\\\\$" (htpasswd "bob" "pw") }}',
  '{{ genPrivateKey "nope" }}', '{{ $k := genPrivateKey "ecdsa" }}{{ hasPrefix "-----BEGIN EC PRIVATE KEY-----\\n" $k }} {{ hasSuffix "-----END EC PRIVATE KEY-----\\n" $k }} {{ len $k }}',
  '{{ $k := genPrivateKey "ed25519" }}{{ $k | len }} {{ hasPrefix "-----BEGIN PRIVATE KEY-----\\n" $k }}',
  '{{ $ca := genCA "my-ca" 365 }}{{ hasPrefix "-----BEGIN CERTIFICATE-----\\n" $ca.Cert }} {{ hasSuffix "-----END CERTIFICATE-----\\n" $ca.Cert }} {{ hasPrefix "-----BEGIN RSA PRIVATE KEY-----\\n" $ca.Key }} {{ typeOf $ca }} {{ kindOf $ca }}',
  '{{ $ca := genCA "ca" 1 }}{{ $c := genSignedCert "leaf" (list "10.0.0.1") (list "a.example.com") 30 $ca }}{{ hasPrefix "-----BEGIN CERTIFICATE-----" $c.Cert }}',
  '{{ $c := genSelfSignedCert "x" nil nil 1 }}{{ hasPrefix "-----BEGIN CERTIFICATE-----" $c.Cert }}', '{{ genSelfSignedCert "x" (list 1) nil 1 }}', '{{ genSelfSignedCert "x" (list "1.2.3") nil 1 }}',
  '{{ genSelfSignedCert "x" nil (list 5) 1 }}', '{{ genSignedCert "x" nil nil 1 (dict) }}', '{{ genCAWithKey "x" 1 "junk" }}', '{{ genCAWithKey "x" 1 "-----BEGIN FOO-----\\nAAAA\\n-----END FOO-----\\n" }}',
  '{{ $k := genPrivateKey "ecdsa" }}{{ $ca := genCAWithKey "x" 1 $k }}{{ eq $ca.Key $k }}', '{{ $k := genPrivateKey "ed25519" }}{{ $ca := genSelfSignedCertWithKey "x" nil nil 1 $k }}{{ eq $ca.Key $k }}',
  '{{ buildCustomCert "!!" "x" }}', '{{ buildCustomCert "eA==" "!!" }}', '{{ buildCustomCert "eA==" "eA==" }}',
  '{{ $ca := genCA "ca" 1 }}{{ $c := buildCustomCert (b64enc $ca.Cert) (b64enc $ca.Key) }}{{ eq $c.Cert $ca.Cert }}',
  '{{ $ca := genCA "ca" 1 }}{{ $o := genCA "other" 1 }}{{ genSignedCertWithKey "x" nil nil 1 $ca $o.Key | typeOf }}',
];

export function sprigCorpus(): Case[] {
  const data = { i64: 7200, f: 3.5, epoch: 1720000000 };
  return [
    ...DATES.map((text) => ({ text, data, ints: true })),
    // How long ago a fixed date was keeps growing while Go and we run; its digits may differ, its form may not.
    { text: '{{ ago .epoch | regexMatch "^[0-9]+h[0-9]{1,2}m[0-9]{1,2}s$" }}|{{ ago (now | dateModify "-3h") }}|{{ ago "x" }}|{{ durationRound (now | dateModify "-49h") }}', data, ints: true, shape: true },
    // Sprig's int64(float64) beyond int64's range gives MinInt64 on amd64.
    { text: '{{ max .big 0 }} {{ int64 .neg }} {{ int .huge }} {{ int64 .ok }}', data: { big: 1e21, neg: -1e300, huge: 1e19, ok: 123456789.9 } },
    { text: '{{ dateInZone "2006-01-02" .epoch "UTC" }} {{ htmlDateInZone .epoch "Asia/Tokyo" }} {{ dateInZone "MST" .epoch "Nope/Zone" }}', data, ints: true },
    ...[...SEMVER, ...URLS, ...STRINGS, ...CRYPTO].map((text) => ({ text, data: {} })),
  ];
}
