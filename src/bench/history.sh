#!/bin/sh
# How `export --compare` grows with the months of history: 24 months of 200 units x 500 rows,
# loaded month by month into a schema of its own on PostgreSQL; after 6, 12 and 24 months the
# latest month is exported with and without --compare, at unit and campaign level, and its
# quarter with --compare. Each time is the whole command's / the export's own (query and writing).
#
#   src/bench/history.sh [JAR] [WORK_DIR]
#
# PGHOST, PGUSER, PGDATABASE (127.0.0.1, postgres, test) name the database; the schema
# bench_history is dropped and made anew. The inboxes are generated once into WORK_DIR.
set -eu
JAR=${1:-target/huizong.jar}
WORK=${2:-/tmp/huizong-history}
: "${PGHOST:=127.0.0.1}" "${PGUSER:=postgres}" "${PGDATABASE:=test}"
export PGHOST PGUSER PGDATABASE
SCHEMA=bench_history
DB="jdbc:postgresql://$PGHOST:5432/$PGDATABASE?user=$PGUSER&currentSchema=$SCHEMA"
UNITS=200
ROWS=500

psql -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" -c "CREATE SCHEMA $SCHEMA" >/dev/null
mkdir -p "$WORK"

seconds() {
	start=$(date +%s.%N)
	"$@" >/dev/null 2>"$WORK/last.err" || [ $? -eq 3 ]
	end=$(date +%s.%N)
	echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }'
}

# The whole command's time / the export's own (query and writing), as export tells it.
exported() {
	total=$(seconds "$@")
	own=$(sed -n 's/.*查询与写出 \([0-9.]*\) 秒.*/\1/p' "$WORK/last.err")
	echo "$total/$own"
}

export_times() {
	period=$1
	plain=$(exported java -jar "$JAR" export --period "$period" --level unit --out "$WORK/plain.csv" --db "$DB")
	unit=$(exported java -jar "$JAR" export --period "$period" --level unit --compare --out "$WORK/unit.csv" --db "$DB")
	campaign=$(exported java -jar "$JAR" export --period "$period" --level campaign --compare --out "$WORK/campaign.csv" --db "$DB")
	quarter=$(exported java -jar "$JAR" export --period "$2" --level unit --compare --out "$WORK/quarter.csv" --db "$DB")
	rows=$(($(wc -l < "$WORK/unit.csv") - 1))
	facts=$(psql -tAc "SELECT COUNT(*) FROM $SCHEMA.fact")
	consolidated=$(psql -tAc "SELECT COUNT(*) FROM $SCHEMA.consolidated_unit")
	printf '%-7s %8s %10s %9s | %6s %11s %11s %11s %11s\n' "$months" "$facts" "$consolidated" "$period" "$rows" \
		"$plain" "$unit" "$campaign" "$quarter"
}

printf '%-7s %8s %10s %9s | %6s %11s %11s %11s %11s\n' months facts cons_rows exported rows plain_s \
	unit_cmp_s camp_cmp_s qtr_cmp_s
months=0
for year in 2016 2017; do
	for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
		period="$year-$m"
		months=$((months + 1))
		if [ ! -d "$WORK/$period" ]; then
			java -jar "$JAR" generate --period "$period" --units $UNITS --rows $ROWS --formats csv \
				--seed $months --out "$WORK/$period" >/dev/null 2>&1
		fi
		load=$(seconds java -jar "$JAR" run --period "$period" --inbox "$WORK/$period" --db "$DB")
		echo "loaded $period in $load s" >&2
		case $months in
			6 | 12 | 24) export_times "$period" "$year-Q$(((${m#0} + 2) / 3))" ;;
		esac
	done
done
