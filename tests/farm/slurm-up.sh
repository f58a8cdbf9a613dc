#!/bin/sh
# slurm-up.sh - a one-node Slurm cluster on this machine, for the farm
# tests: munged, slurmctld and slurmd run in the foreground of this
# script's children with a generated slurm.conf, a private munge key and
# socket, and their state, logs and pid files in DIR; nothing outside DIR
# is read or written but the daemons' ports on 127.0.0.1.
#
#   tests/farm/slurm-up.sh DIR          start; prints SLURM_CONF=DIR/slurm.conf
#   tests/farm/slurm-up.sh --down DIR   stop the daemons DIR's pid files name
#
# Needs Debian's slurmctld, slurmd, slurm-client and munge (scripts/setup
# --farm) and root, as slurmd runs jobs as their users (slurm.conf(5),
# munged(8)).
set -eu

down() {   # down DIR: TERM each daemon by its pid file, then wait for it
    for d in slurmd slurmctld munged; do
        f=$1/$d.pid
        [ -s "$f" ] || continue
        pid=$(cat "$f")
        kill "$pid" 2>/dev/null || true
        i=0
        while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
        rm -f "$f"
    done
}

if [ "${1-}" = --down ]; then
    down "${2:?usage: slurm-up.sh --down DIR}"
    exit 0
fi
D=${1:?usage: slurm-up.sh DIR}
mkdir -p "$D"
D=$(cd "$D" && pwd)
for c in munged slurmctld slurmd sbatch scontrol; do
    PATH=$PATH:/usr/sbin command -v $c >/dev/null || { echo "slurm-up.sh: no $c (scripts/setup --farm)" >&2; exit 77; }
done
PATH=$PATH:/usr/sbin

# a free port pair above 20000, from this process's pid
port=$((20000 + $$ % 20000 * 2))
node=$(hostname -s)
mkdir -p "$D/ctld" "$D/spool" "$D/munge"
chmod 700 "$D/munge"
dd if=/dev/urandom of="$D/munge/munge.key" bs=1024 count=1 2>/dev/null
chmod 600 "$D/munge/munge.key"
cat >"$D/slurm.conf" <<CONF
ClusterName=oyster-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$D/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$D/ctld
SlurmdSpoolDir=$D/spool
SlurmctldPidFile=$D/slurmctld.conf.pid
SlurmdPidFile=$D/slurmd.conf.pid
SlurmctldLogFile=$D/slurmctld.log
SlurmdLogFile=$D/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MaxArraySize=1001
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

start() {   # start NAME COMMAND...: in the background, its pid in DIR/NAME.pid
    name=$1; shift
    "$@" >"$D/$name.out" 2>&1 &
    echo $! >"$D/$name.pid"
}
start munged munged --foreground --force --socket="$D/munge/munge.socket" \
    --key-file="$D/munge/munge.key" --pid-file="$D/munge/munged.pid" \
    --log-file="$D/munge/munged.log" --seed-file="$D/munge/munged.seed"
i=0
until [ -S "$D/munge/munge.socket" ] || [ $i -ge 50 ]; do sleep 0.1; i=$((i + 1)); done
export SLURM_CONF="$D/slurm.conf"
start slurmctld slurmctld -D -i -f "$SLURM_CONF"
start slurmd slurmd -D -f "$SLURM_CONF"
# up when the node takes jobs
i=0
until scontrol show node "$node" 2>/dev/null | grep -q 'State=IDLE'; do
    i=$((i + 1))
    if [ $i -ge 60 ]; then
        echo "slurm-up.sh: the node did not come up; logs in $D" >&2
        tail -5 "$D/slurmctld.log" "$D/slurmd.log" "$D/munged.out" >&2 2>/dev/null || true
        down "$D"
        exit 1
    fi
    sleep 0.5
done
echo "SLURM_CONF=$SLURM_CONF"
