package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	qs "github.com/smithygen/smithygen/generated/quicksight"
)

// The micro-benchmarks below are plain functions of *testing.B so that
// bench_test.go runs them with `go test -bench` and cmd/benchreport with
// testing.Benchmark, interleaved with their anchors.

// HandlerDescribe serves the SDK's DescribeActionConnector request with the
// generated fake (NewServer over the in-memory Fake) into an
// httptest.ResponseRecorder: routing, binding, validation, the fake's work
// and the JSON reply. Building the request and the recorder is included.
func HandlerDescribe(ex *Exchanges) func(b *testing.B) {
	return func(b *testing.B) {
		h, err := NewFakeWithConnector()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, ex.Describe.Request(nil))
			if w.Code != http.StatusOK {
				b.Fatalf("status %d: %s", w.Code, w.Body)
			}
		}
	}
}

// HandlerCreate serves the SDK's (union-heavy) CreateActionConnector request,
// a new connector ID each time, into an httptest.ResponseRecorder. The fake
// is replaced, untimed, every 4096 connectors so that it does not grow
// without bound.
func HandlerCreate(ex *Exchanges) func(b *testing.B) {
	return func(b *testing.B) {
		body := bytes.Clone(ex.Create.Body)
		at := bytes.Index(body, []byte(ConnectorID))
		if at < 0 {
			b.Fatalf("connector ID %q not in the recorded request body", ConnectorID)
		}
		digits := body[at+len(ConnectorID)-6 : at+len(ConnectorID)]
		var h http.Handler
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			if i%4096 == 0 {
				b.StopTimer()
				h = qs.NewFake()
				b.StartTimer()
			}
			copy(digits, fmt.Sprintf("%06d", i%1000000))
			w := httptest.NewRecorder()
			h.ServeHTTP(w, ex.Create.Request(body))
			if w.Code != http.StatusOK {
				b.Fatalf("status %d: %s", w.Code, w.Body)
			}
		}
	}
}

// HandlerFloor serves the same DescribeActionConnector request with
// FloorServer: the cost of the request, the recorder and writing the reply,
// which the generated handler cannot avoid.
func HandlerFloor(ex *Exchanges) func(b *testing.B) {
	return func(b *testing.B) {
		h := FloorServer(ex.Describe)
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, ex.Describe.Request(nil))
		}
	}
}

// Codec is one body decoded or encoded by the generated codec and, as the
// anchor, by encoding/json as a map[string]any.
type Codec struct {
	Name string
	Body []byte
	New  func() interface {
		json.Marshaler
		json.Unmarshaler
	}
}

// Codecs returns the union-heavy bodies of the recorded exchanges: the
// CreateActionConnector request body and the DescribeActionConnector reply.
func Codecs(ex *Exchanges) []Codec {
	return []Codec{
		{"CreateActionConnectorInput", ex.Create.Body, func() interface {
			json.Marshaler
			json.Unmarshaler
		} {
			return new(qs.CreateActionConnectorInput)
		}},
		{"DescribeActionConnectorOutput", ex.Describe.RespBody, func() interface {
			json.Marshaler
			json.Unmarshaler
		} {
			return new(qs.DescribeActionConnectorOutput)
		}},
	}
}

// Decode decodes the body with the generated UnmarshalJSON.
func (c Codec) Decode(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(c.Body)))
	for range b.N {
		if err := c.New().UnmarshalJSON(c.Body); err != nil {
			b.Fatal(err)
		}
	}
}

// DecodeAnchor decodes the body with encoding/json into a map[string]any.
func (c Codec) DecodeAnchor(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(c.Body)))
	for range b.N {
		var m map[string]any
		if err := json.Unmarshal(c.Body, &m); err != nil {
			b.Fatal(err)
		}
	}
}

// Encode encodes the decoded body with the generated MarshalJSON.
func (c Codec) Encode(b *testing.B) {
	v := c.New()
	if err := v.UnmarshalJSON(c.Body); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(c.Body)))
	b.ResetTimer()
	for range b.N {
		if _, err := v.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// EncodeAnchor encodes the body, decoded as a map[string]any, with encoding/json.
func (c Codec) EncodeAnchor(b *testing.B) {
	var m map[string]any
	if err := json.Unmarshal(c.Body, &m); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(c.Body)))
	b.ResetTimer()
	for range b.N {
		if _, err := json.Marshal(m); err != nil {
			b.Fatal(err)
		}
	}
}
