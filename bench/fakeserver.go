package bench

import (
	"bufio"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// FakeServerMain is the source of a command that serves the generated fake
// of the package at importPath on a free loopback port and prints
// "listening http://ADDR" once it accepts connections.
func FakeServerMain(importPath string) []byte {
	return []byte(`// Command fakeserver serves a generated fake for the benchmarks.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"

	fake "` + importPath + `"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("listening http://%s\n", ln.Addr())
	fmt.Fprintln(os.Stderr, http.Serve(ln, fake.NewFake()))
	os.Exit(1)
}
`)
}

// Process is a server started by StartServer.
type Process struct {
	URL string
	cmd *exec.Cmd
}

// StartFakeServer runs exe (built from FakeServerMain) and waits for its address.
func StartFakeServer(exe string) (*Process, error) {
	cmd := exec.Command(exe)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &Process{cmd: cmd}
	line := make(chan string, 1)
	go func() {
		s := bufio.NewScanner(out)
		if s.Scan() {
			line <- s.Text()
		}
		close(line)
	}()
	select {
	case l, ok := <-line:
		if url, found := strings.CutPrefix(l, "listening "); ok && found {
			p.URL = url
			return p, nil
		}
		p.Stop()
		return nil, fmt.Errorf("%s: unexpected first line %q", exe, l)
	case <-time.After(30 * time.Second):
		p.Stop()
		return nil, fmt.Errorf("%s: no address after 30s", exe)
	}
}

// Stop kills the server (only this process, by its PID) and waits for it.
func (p *Process) Stop() {
	if p.cmd.Process != nil {
		p.cmd.Process.Kill()
		p.cmd.Wait()
	}
}
