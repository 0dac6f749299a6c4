#!/bin/sh
# Installs or upgrades huizong for the scheduled runs, with a start-up archive.
#
#   jobs/install.sh huizong.jar /srv/huizong [--train-db JDBC_URL]
#
# Unpacks the jar into DIR/app and runs huizong once there over a small generated inbox, so
# that the JVM records the classes a run loads in a class-data archive beside it, and writes
# the JVM options that use it to DIR/app/jvm.options. The units in this folder start
# `java @DIR/app/jvm.options -jar DIR/app/huizong.jar`; the options also switch on the
# application context the build prepared ahead of time. On the 2-core build machine a
# 200-workbook night then took less than half as long as with plain `java -jar` (README,
# Benchmarks).
#
# Run it again after every upgrade of huizong.jar or of the JDK, with the scheduled runs
# stopped (`systemctl stop huizong`). An archive that no longer matches the JDK or the jar is
# not used: the run goes on as `java -jar` would, only slower, and the JVM says so.
#
# The training run writes to a throwaway embedded database unless --train-db names a scratch
# database (for example an empty PostgreSQL database, so that the driver's classes are
# archived too); never give it the office's own database.
set -eu

usage() {
  echo "用法：$0 huizong.jar 安装目录 [--train-db JDBC_URL]" >&2
  exit 2
}

[ $# -ge 2 ] || usage
jar=$1
dir=$2
shift 2
train_db=""
while [ $# -gt 0 ]; do
  case $1 in
    --train-db) [ $# -ge 2 ] || usage; train_db=$2; shift 2 ;;
    *) usage ;;
  esac
done
[ -f "$jar" ] || { echo "找不到 $jar" >&2; exit 2; }
case $dir in
  # the JVM does not take archived classes from a class path with blanks in it
  *[[:space:]]*) echo "安装目录不能含空格：$dir" >&2; exit 2 ;;
esac
java=${JAVA:-java}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
app=$dir/app
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a step with its output in $work/LOG, shown only if it fails.
quietly() {
  log=$work/$1
  shift
  "$@" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
}

echo "解包 $jar 到 $app"
rm -rf "$app"
quietly extract.log "$java" -Djarmode=tools -jar "$jar" extract --destination "$app"

archive=$app/huizong.jsa
echo "生成训练用的报表"
quietly generate.log "$java" -jar "$app/huizong.jar" generate --units 30 --rows 50 --formats xlsx,xls,csv \
  --seed 20170601 --out "$work/inbox"

# Interpreted only: an archive written while methods wait to be compiled keeps them from ever
# being compiled in the runs that use it (seen on Java 17: a run half as fast). --force: a scratch
# database kept from the last install knows these files, and a run that reads none would leave
# the readers' classes out of the archive.
echo "训练运行（约二十秒）"
db=${train_db:-jdbc:h2:file:$work/db/huizong}
status=0
"$java" "-XX:ArchiveClassesAtExit=$archive" -Xint -Xmx512m -Dspring.aot.enabled=true -jar "$app/huizong.jar" \
  run --period 2017-06 --inbox "$work/inbox" --db "$db" --force > "$work/train.log" 2>&1 || status=$?
# 3: the generated files carry the warnings real ones do; anything else is a failure.
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
  cat "$work/train.log" >&2
  echo "训练运行失败（退出状态 $status），未生成启动存档" >&2
  exit 1
fi
[ -s "$archive" ] || { cat "$work/train.log" >&2; echo "JVM 未写出启动存档 $archive" >&2; exit 1; }

{
  echo "-XX:SharedArchiveFile=$archive"
  echo "-Xshare:auto"
  # The application context as the build prepared it, rather than worked out at each start.
  echo "-Dspring.aot.enabled=true"
  # With two processors or fewer, the optimising compiler takes a core from the run for most
  # of it; the quick compiler alone made a 200-workbook night 4 s instead of 6 s (the steady
  # speed of a long run is some 10% lower).
  if [ "$(nproc 2> /dev/null || echo 1)" -le 2 ]; then
    echo "-XX:TieredStopAtLevel=1"
  fi
} > "$app/jvm.options"
echo "完成：$java @$app/jvm.options -jar $app/huizong.jar …"
