// The program of vmatlas's lesson "Go heap, for real": it grows its heap, gives it back and grows it
// again, saying each phase on a line of its own and waiting for a line on its input before the next
// (an end of input lets it run through).
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
)

var keep [][]byte

func grow(mb int) {
	for i := 0; i < mb; i++ {
		b := make([]byte, 1<<20)
		for j := 0; j < len(b); j += 4096 {
			b[j] = 1
		}
		keep = append(keep, b)
	}
}

func main() {
	in := bufio.NewReader(os.Stdin)
	phase := func(name string) {
		fmt.Println(name)
		in.ReadString('\n')
	}
	phase("started")
	grow(64)
	phase("grown")
	keep = nil
	runtime.GC()
	debug.FreeOSMemory()
	phase("freed")
	grow(32)
	phase("grown again")
	fmt.Println("done", len(keep))
}
