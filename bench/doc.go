// Package bench measures smithygen against the targets of issue #5: the
// generator's speed per phase and against gofmt, the compile cost of
// generated packages against the AWS SDK's, the generated fake server's
// throughput against a fixed-bytes floor server and moto, the server's cost
// per request, the JSON codecs against encoding/json, and how generation and
// compile time grow with the model's size (synthetic models).
//
// The package holds the workloads; bench_test.go wraps them as Go
// benchmarks (`go test -bench . ./bench`), and cmd/benchreport runs them
// side by side, interleaved, and prints the table of `make bench`.
//
// Reference models come from ../shared beside the checkout (read, never
// copied into the repository); temporary modules go under os.TempDir and
// are removed. It may import the standard library, the smithygen packages,
// the generated packages, smithy-go and the AWS SDK for Go v2.
package bench
