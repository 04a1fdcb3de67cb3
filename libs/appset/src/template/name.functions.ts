// Argo's DNS-name normalization (the clusters generator's nameNormalized, the git generator's
// basenameNormalized, the `normalize` template function). It lives with Argo's other template
// functions in @flotilla/gotemplate, where the Go oracle checks it.
export { normalize as normalizeName } from '@flotilla/gotemplate';
