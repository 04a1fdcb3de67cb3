// Oracle for @flotilla/gotemplate: renders each case of a JSON file with Go's text/template and
// Sprig v3, and prints one JSON result per case. Usage: oracle cases.json > results.json
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
)

type testCase struct {
	Name       string          `json:"name"`
	Text       string          `json:"text"`
	Data       json.RawMessage `json:"data"`
	Ints       bool            `json:"ints"`
	MissingKey string          `json:"missingKey"`
	Delims     []string        `json:"delims"`
	NoSprig    bool            `json:"noSprig"`
	Argo       bool            `json:"argo"`
}

type result struct {
	Out   *string `json:"out,omitempty"`
	Parse *string `json:"parseError,omitempty"`
	Exec  *string `json:"execError,omitempty"`
}

// withInts turns json.Number into int when it is an integer literal, float64 otherwise.
func withInts(v interface{}) interface{} {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil && !strings.ContainsAny(string(x), ".eE") {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case map[string]interface{}:
		for k, e := range x {
			x[k] = withInts(e)
		}
	case []interface{}:
		for i, e := range x {
			x[i] = withInts(e)
		}
	}
	return v
}

func decode(c testCase) (interface{}, error) {
	var data interface{}
	if len(c.Data) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(c.Data))
	if c.Ints {
		dec.UseNumber()
	}
	if err := dec.Decode(&data); err != nil {
		return nil, err
	}
	if c.Ints {
		data = withInts(data)
	}
	return data, nil
}

func run(c testCase) (res result) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprintf("panic: %v", r)
			res = result{Exec: &msg}
		}
	}()
	t := template.New(c.Name)
	if !c.NoSprig {
		t = t.Funcs(sprig.TxtFuncMap())
	}
	if c.Argo {
		t = t.Funcs(argoFuncs())
	}
	if c.MissingKey != "" {
		t = t.Option("missingkey=" + c.MissingKey)
	}
	if len(c.Delims) == 2 {
		t = t.Delims(c.Delims[0], c.Delims[1])
	}
	t, err := t.Parse(c.Text)
	if err != nil {
		msg := err.Error()
		return result{Parse: &msg}
	}
	data, err := decode(c)
	if err != nil {
		msg := "bad data: " + err.Error()
		return result{Parse: &msg}
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		msg := err.Error()
		out := buf.String()
		return result{Exec: &msg, Out: &out}
	}
	out := buf.String()
	return result{Out: &out}
}

func main() {
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var cases []testCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	results := make([]result, len(cases))
	for i, c := range cases {
		results[i] = run(c)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
