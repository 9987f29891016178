// Command vetpairs measures two vet tools against each other package by
// package, for a machine too noisy for whole runs to tell a few percent
// apart (bench/set.sh's go vet rounds there vary by ±10%).
//
//	go run ./bench/vetpairs -dir MODULE_DIR [-rounds 3] TOOL_A TOOL_B
//
// It runs `go vet -work -vettool=TOOL ./...` in MODULE_DIR once per tool,
// through itself as a wrapper that records each package's vet
// configuration, and keeps the work directories. Then, for as many rounds,
// it runs the two tools on every package back to back (which goes first
// alternates), each on the configuration go vet wrote for it, and sums
// each tool's CPU (user+sys, from the kernel's rusage, microseconds) and
// tracks its largest RSS. Drift on the machine hits both tools of a pair
// within milliseconds of each other.
//
// It prints, per round, the total CPU of each tool and their ratio B/A,
// then the median ratio and the packages that cost B most over A. What it
// leaves out is the go command's own work (go list, the build's export
// data, caching), the same for both tools, so the ratio is the tools'
// processes only: larger than the whole go vet run's.
package main

import (
	"cmp"
	"crypto/rand"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// The wrapper mode: go vet runs this program as the vet tool.
const (
	envTool = "VETPAIRS_TOOL" // the real tool to run
	envLog  = "VETPAIRS_LOG"  // where to append each package's configuration
)

func main() {
	if tool := os.Getenv(envTool); tool != "" {
		wrap(tool)
		return
	}
	dir := flag.String("dir", ".", "the module to vet")
	rounds := flag.Int("rounds", 3, "measured rounds")
	top := flag.Int("top", 10, "packages listed by cost difference")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: vetpairs -dir MODULE_DIR [-rounds N] TOOL_A TOOL_B")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 || *rounds < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*dir, *rounds, *top, flag.Arg(0), flag.Arg(1)); err != nil {
		fmt.Fprintln(os.Stderr, "vetpairs:", err)
		os.Exit(1)
	}
}

// wrap records the configuration file go vet passes (its last argument)
// and becomes the real tool.
func wrap(tool string) {
	args := os.Args[1:]
	if n := len(args); n > 0 && strings.HasSuffix(args[n-1], ".cfg") {
		f, err := os.OpenFile(os.Getenv(envLog), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintln(f, strings.Join(args, "\t"))
			f.Close()
		}
	}
	err := syscall.Exec(tool, append([]string{tool}, args...), os.Environ())
	fmt.Fprintln(os.Stderr, "vetpairs:", err)
	os.Exit(2)
}

// A unit is one package's vet invocation for one tool.
type unit struct {
	tool string
	args []string // as go vet passed them: flags, then the configuration file
}

func run(dir string, rounds, top int, toolA, toolB string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "vetpairs")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var units [2]map[string]unit // by package ID
	for i, tool := range []string{toolA, toolB} {
		var work string
		units[i], work, err = capture(self, tmp, dir, i, tool)
		if work != "" {
			defer os.RemoveAll(work)
		}
		if err != nil {
			return err
		}
	}
	var ids []string
	for id := range units[0] {
		if _, ok := units[1][id]; ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	if len(ids) == 0 {
		return fmt.Errorf("no package was vetted by both tools")
	}
	fmt.Printf("%d packages in %s; %d rounds; A = %s, B = %s\n", len(ids), dir, rounds, filepath.Base(toolA), filepath.Base(toolB))
	diff := make(map[string]time.Duration)
	var ratios []float64
	for r := 1; r <= rounds; r++ {
		var cpu [2]time.Duration
		var rss [2]int64
		for k, id := range ids {
			order := []int{0, 1}
			if (k+r)%2 == 1 {
				order = []int{1, 0}
			}
			var c [2]time.Duration
			for _, i := range order {
				u := units[i][id]
				d, m, err := measure(u)
				if err != nil {
					return fmt.Errorf("%s on %s: %v", u.tool, id, err)
				}
				c[i] = d
				cpu[i] += d
				rss[i] = max(rss[i], m)
			}
			diff[id] += c[1] - c[0]
		}
		ratio := cpu[1].Seconds() / cpu[0].Seconds()
		ratios = append(ratios, ratio)
		fmt.Printf("round %d: CPU A %.2fs B %.2fs ratio %.3f; max RSS A %d MiB B %d MiB\n",
			r, cpu[0].Seconds(), cpu[1].Seconds(), ratio, rss[0]>>10, rss[1]>>10)
	}
	slices.Sort(ratios)
	fmt.Printf("median ratio B/A: %.3f (%.3f–%.3f)\n", median(ratios), ratios[0], ratios[len(ratios)-1])
	slices.SortFunc(ids, func(x, y string) int { return cmp.Compare(diff[y], diff[x]) })
	fmt.Printf("largest B-A CPU differences, summed over rounds:\n")
	for _, id := range ids[:min(top, len(ids))] {
		fmt.Printf("  %+8.1f ms  %s\n", float64(diff[id].Microseconds())/1000, id)
	}
	return nil
}

// capture runs go vet with the tool (a fresh copy, so that go vet's cache,
// keyed by the tool's content, misses) and returns each package's
// invocation and go vet's work directory, kept for the measured runs (the
// configurations and the facts files they read are there).
func capture(self, tmp, dir string, i int, tool string) (map[string]unit, string, error) {
	copyPath := filepath.Join(tmp, fmt.Sprintf("tool%d-%s", i, filepath.Base(tool)))
	if err := copyWithNonce(tool, copyPath); err != nil {
		return nil, "", err
	}
	logPath := filepath.Join(tmp, fmt.Sprintf("cfgs%d.txt", i))
	cmd := exec.Command("go", "vet", "-work", "-vettool="+self, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), envTool+"="+copyPath, envLog+"="+logPath)
	out, _ := cmd.CombinedOutput() // findings make go vet fail
	work := ""
	for _, line := range strings.Split(string(out), "\n") {
		if w, ok := strings.CutPrefix(line, "WORK="); ok {
			work = w
		}
	}
	data, err := os.ReadFile(logPath)
	if err != nil {
		return nil, work, fmt.Errorf("go vet with %s ran no package: %v\n%s", tool, err, out)
	}
	units := make(map[string]unit)
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		args := strings.Split(line, "\t")
		id, err := packageID(args[len(args)-1])
		if err != nil {
			return nil, work, err
		}
		units[id] = unit{tool: copyPath, args: args}
	}
	return units, work, nil
}

// packageID reads the package's ID (import path, with a test variant's
// suffix) from a vet configuration, plus whether it is analyzed only for
// facts, which a test variant of the same path is not.
func packageID(cfg string) (string, error) {
	data, err := os.ReadFile(cfg)
	if err != nil {
		return "", err
	}
	var c struct {
		ID       string
		VetxOnly bool
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return "", fmt.Errorf("%s: %v", cfg, err)
	}
	if c.VetxOnly {
		return c.ID + " (facts only)", nil
	}
	return c.ID, nil
}

// measure runs one vet tool invocation and returns its CPU time and peak
// RSS in KiB.
func measure(u unit) (time.Duration, int64, error) {
	cmd := exec.Command(u.tool, u.args...)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	err := cmd.Run()
	if cmd.ProcessState == nil {
		return 0, 0, err
	}
	// Exit 1 is findings; a crash (a panic exits 2) is not a measurement.
	if code := cmd.ProcessState.ExitCode(); code < 0 || code > 1 {
		return 0, 0, err
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), ru.Maxrss, nil
}

func copyWithNonce(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	nonce := make([]byte, 16)
	rand.Read(nonce)
	return os.WriteFile(dst, append(data, nonce...), 0o755)
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}
