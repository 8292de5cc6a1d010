package botocore

import (
	"strconv"
	"strings"
)

// namespaceFor returns the Smithy namespace of a service: "com.amazonaws."
// and its serviceId lowercased, keeping only ASCII letters and digits.
func namespaceFor(serviceID string) string {
	return "com.amazonaws." + strings.ToLower(keep(serviceID, isAlnum))
}

// serviceNameFor returns the name of the service shape: targetPrefix when
// set, else serviceId's letters and digits, "_" and apiVersion's digits
// (QuickSight, 2018-04-01 -> QuickSight_20180401).
func serviceNameFor(targetPrefix, serviceID, apiVersion string) string {
	if targetPrefix != "" {
		return targetPrefix
	}
	return keep(serviceID, isAlnum) + "_" + keep(apiVersion, isDigit)
}

// enumMemberNames returns one member name for each enum value, in order:
// UPPER_SNAKE words of the value, collision-free (see the package doc).
func enumMemberNames(values []string) []string {
	natural := make([]string, len(values))
	reserved := make(map[string]bool, len(values))
	for i, v := range values {
		natural[i] = upperSnake(v)
		reserved[natural[i]] = true
	}
	taken := make(map[string]bool, len(values))
	out := make([]string, len(values))
	for i, name := range natural {
		if taken[name] {
			for n := 2; ; n++ {
				cand := name + "_" + strconv.Itoa(n)
				if !taken[cand] && !reserved[cand] {
					name = cand
					break
				}
			}
		}
		taken[name] = true
		out[i] = name
	}
	return out
}

// upperSnake turns an enum value into an UPPER_SNAKE identifier: words break
// at runs of characters other than ASCII letters and digits, after a lower
// case letter or digit followed by an upper case letter, and before the last
// upper case letter of a run followed by a lower case one ("HTTPServer" ->
// HTTP_SERVER).
func upperSnake(v string) string {
	var b strings.Builder
	sep := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !isAlnum(c) {
			sep = b.Len() > 0
			continue
		}
		if b.Len() > 0 && !sep && isUpper(c) && i > 0 {
			prev := v[i-1]
			next := byte(0)
			if i+1 < len(v) {
				next = v[i+1]
			}
			if isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(next)) {
				sep = true
			}
		}
		if sep {
			b.WriteByte('_')
			sep = false
		}
		if isLower(c) {
			c -= 'a' - 'A'
		}
		b.WriteByte(c)
	}
	s := b.String()
	switch {
	case s == "":
		return "VALUE"
	case isDigit(s[0]):
		return "V" + s
	}
	return s
}

func keep(s string, ok func(byte) bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if ok(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlnum(c byte) bool { return isUpper(c) || isLower(c) || isDigit(c) }
