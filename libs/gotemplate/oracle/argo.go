// The functions Argo CD's ApplicationSet controller adds to Sprig (applicationset/utils): normalize,
// slugify, toYaml, fromYaml, fromYamlArray. Argo builds them on sigs.k8s.io/yaml and gosimple/slug,
// which Debian does not package with Sprig; their behaviour is rebuilt here on gopkg.in/yaml.v2 (what
// sigs.k8s.io/yaml wraps) and on the few slug rules that apply to a name normalize has already cleaned.
package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	yaml "gopkg.in/yaml.v2"
)

var notDNSChar = regexp.MustCompile("[^-a-z0-9.]")

// argoNormalize: lowercase, anything outside [-a-z0-9.] becomes '-', at most 253 bytes, trimmed of '-' and '.'.
func argoNormalize(name string) string {
	name = notDNSChar.ReplaceAllString(strings.ToLower(name), "-")
	if len(name) > 253 {
		name = name[:253]
	}
	return strings.Trim(name, "-.")
}

var notSlugChar = regexp.MustCompile("[^a-zA-Z0-9-_]")
var dashes = regexp.MustCompile("-+")

// slugMake is gosimple/slug's Make for text that is already ASCII, lowercase and without spaces (the
// output of argoNormalize): language substitutions and transliteration change nothing there.
func slugMake(s string, maxLength int, smart bool) string {
	if !smart && len(s) >= maxLength {
		s = s[:maxLength]
	}
	s = dashes.ReplaceAllString(notSlugChar.ReplaceAllString(s, "-"), "-")
	s = strings.Trim(s, "-_")
	if maxLength > 0 && smart && len(s) > maxLength {
		for i := maxLength; i >= 0; i-- {
			if s[i] == '-' {
				return s[:i]
			}
		}
		return s[:maxLength]
	}
	return s
}

// argoSlugify: `slugify [maxSize int] [smartTruncate bool] name`; the arguments are type-asserted,
// so a float or a string where an int belongs panics (text/template reports it as the call's error).
func argoSlugify(args ...interface{}) string {
	maxSize, smart, name := 50, true, ""
	for i, a := range args {
		switch i {
		case len(args) - 1:
			name = a.(string)
		case 0:
			maxSize = a.(int)
		case 1:
			smart = a.(bool)
		}
	}
	return slugMake(argoNormalize(name), maxSize, smart)
}

// yamlMarshal is sigs.k8s.io/yaml.Marshal: through JSON, then yaml.v2 reads the JSON and writes YAML.
func yamlMarshal(v interface{}) ([]byte, error) {
	j, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("error marshaling into JSON: %w", err)
	}
	var obj interface{}
	if err := yaml.Unmarshal(j, &obj); err != nil {
		return nil, err
	}
	return yaml.Marshal(obj)
}

// jsonable is sigs.k8s.io/yaml's conversion of what yaml.v2 decoded into something encoding/json takes.
func jsonable(v interface{}) (interface{}, error) {
	switch x := v.(type) {
	case map[interface{}]interface{}:
		out := make(map[string]interface{}, len(x))
		for k, e := range x {
			var key string
			switch tk := k.(type) {
			case string:
				key = tk
			case int:
				key = strconv.Itoa(tk)
			case int64:
				key = strconv.FormatInt(tk, 10)
			case float64:
				key = strconv.FormatFloat(tk, 'g', -1, 32)
				switch key {
				case "+Inf":
					key = ".inf"
				case "-Inf":
					key = "-.inf"
				case "NaN":
					key = ".nan"
				}
			case bool:
				key = strconv.FormatBool(tk)
			default:
				return nil, fmt.Errorf("unsupported map key of type: %T, key: %+#v, value: %+#v", k, k, e)
			}
			c, err := jsonable(e)
			if err != nil {
				return nil, err
			}
			out[key] = c
		}
		return out, nil
	case []interface{}:
		out := make([]interface{}, len(x))
		for i, e := range x {
			c, err := jsonable(e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	return v, nil
}

// yamlUnmarshal is sigs.k8s.io/yaml.Unmarshal into a map or slice target: YAML → JSON → target.
func yamlUnmarshal(text string, target interface{}) error {
	var obj interface{}
	if err := yaml.Unmarshal([]byte(text), &obj); err != nil {
		return fmt.Errorf("error converting YAML to JSON: %w", err)
	}
	c, err := jsonable(obj)
	if err != nil {
		return fmt.Errorf("error converting YAML to JSON: %w", err)
	}
	j, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("error converting YAML to JSON: %w", err)
	}
	var anyTarget interface{} = target
	if err := json.Unmarshal(j, &anyTarget); err != nil {
		return fmt.Errorf("error unmarshaling JSON: while decoding JSON: %w", err)
	}
	return nil
}

func argoFuncs() map[string]interface{} {
	return map[string]interface{}{
		"normalize": argoNormalize,
		"slugify":   argoSlugify,
		"toYaml": func(v interface{}) (string, error) {
			out, err := yamlMarshal(v)
			if err != nil {
				return "", err
			}
			return strings.TrimSuffix(string(out), "\n"), nil
		},
		"fromYaml": func(s string) (map[string]interface{}, error) {
			m := map[string]interface{}{}
			if err := yamlUnmarshal(s, &m); err != nil {
				return nil, err
			}
			return m, nil
		},
		"fromYamlArray": func(s string) ([]interface{}, error) {
			a := []interface{}{}
			if err := yamlUnmarshal(s, &a); err != nil {
				return nil, err
			}
			return a, nil
		},
	}
}
