# Sourced by the benchmark scripts of load-tests/bench: CPU time read from /proc.
cpu_ticks() { # sum of user+system ticks (getconf CLK_TCK a second) of the given pids; pids gone meanwhile count nothing
  local sum=0
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    read -r -a f < <(sed 's/^.*) //' "/proc/$p/stat")
    sum=$(( sum + f[11] + f[12] ))
  done
  echo $sum
}
