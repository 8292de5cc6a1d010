package appfabric_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// toSDK copies a value of this package's input type into the SDK's input
// type T, member by member (names compared without case), so that examples
// decoded from JSON can be sent with the real client.
func toSDK[T any](t *testing.T, src any) *T {
	t.Helper()
	dst := new(T)
	if err := convertValue(reflect.ValueOf(src), reflect.ValueOf(dst).Elem()); err != nil {
		t.Fatalf("toSDK %T: %v", dst, err)
	}
	return dst
}

// unionTypes indexes SDK union variant types by type name.
func unionTypes(variants ...any) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for _, v := range variants {
		t := reflect.TypeOf(v).Elem()
		out[t.Name()] = t
	}
	return out
}

var timeType = reflect.TypeOf(time.Time{})

func convertValue(src, dst reflect.Value) error {
	if src.Kind() == reflect.Pointer || src.Kind() == reflect.Interface {
		if src.IsNil() {
			return nil
		}
		if src.Kind() == reflect.Interface {
			v := src.Elem()
			name := v.Type().Elem().Name()
			typ, ok := sdkUnions[name]
			if !ok {
				return fmt.Errorf("no SDK type for union variant %s", name)
			}
			nv := reflect.New(typ)
			if err := convertValue(v.Elem(), nv.Elem()); err != nil {
				return err
			}
			dst.Set(nv)
			return nil
		}
		src = src.Elem()
	}
	if dst.Kind() == reflect.Pointer && src.Kind() != reflect.Slice && src.Kind() != reflect.Map {
		dst.Set(reflect.New(dst.Type().Elem()))
		dst = dst.Elem()
	}
	switch {
	case src.Type() == timeType:
		dst.Set(src)
	case src.Kind() == reflect.Struct:
		for i := 0; i < dst.NumField(); i++ {
			f := dst.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			sf := src.FieldByNameFunc(func(n string) bool { return strings.EqualFold(n, f.Name) })
			if !sf.IsValid() {
				continue
			}
			if err := convertValue(sf, dst.Field(i)); err != nil {
				return fmt.Errorf("%s: %w", f.Name, err)
			}
		}
	case src.Kind() == reflect.Slice:
		if src.IsNil() {
			return nil
		}
		if src.Type().Elem().Kind() == reflect.Uint8 {
			dst.SetBytes(bytes.Clone(src.Bytes()))
			return nil
		}
		out := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			if err := convertValue(src.Index(i), out.Index(i)); err != nil {
				return err
			}
		}
		dst.Set(out)
	case src.Kind() == reflect.Map:
		if src.IsNil() {
			return nil
		}
		out := reflect.MakeMapWithSize(dst.Type(), src.Len())
		for _, k := range src.MapKeys() {
			v := reflect.New(dst.Type().Elem()).Elem()
			if err := convertValue(src.MapIndex(k), v); err != nil {
				return err
			}
			out.SetMapIndex(k.Convert(dst.Type().Key()), v)
		}
		dst.Set(out)
	default:
		if !src.Type().ConvertibleTo(dst.Type()) {
			return fmt.Errorf("cannot convert %s to %s", src.Type(), dst.Type())
		}
		dst.Set(src.Convert(dst.Type()))
	}
	return nil
}

// recordingClient is an SDK HTTP client that keeps a copy of every reply body.
type recordingClient struct {
	mu  sync.Mutex
	out *strings.Builder
}

func (c *recordingClient) Do(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.out.Write(body)
	c.out.WriteByte('\n')
	c.mu.Unlock()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}
