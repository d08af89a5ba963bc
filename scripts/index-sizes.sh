#!/usr/bin/env bash
# The secondary indexes in the embedded database now (after `crmbench generate`, the default set),
# one line each: name, size in MB (an index of the partitioned read table summed over its tier
# partitions) and its definition; then the total beside the four tables' heaps.
#
#   scripts/index-sizes.sh
# Output: reports/index-sizes.txt
set -euo pipefail
cd "$(dirname "$0")/.."
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
psql_() { psql -X "$url" -Atq -F $'\t' -c "$1"; }
users=$(psql_ "select count(*) from crmbench.app_user")
# secondary: backing no key; a partitioned table's index once, sized with its partitions' copies
indexes="select c.relname,
    pg_relation_size(c.oid) + coalesce((select sum(pg_relation_size(h.inhrelid)) from pg_inherits h
                                        where h.inhparent = c.oid), 0) as bytes,
    regexp_replace(pg_get_indexdef(c.oid), '^CREATE INDEX \S+ ON (ONLY )?crmbench\.(\S+) USING btree ', '\2 ') as def
  from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'crmbench'
    and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
    and not exists (select 1 from pg_inherits h where h.inhrelid = i.indexrelid)"
{
  echo "# secondary indexes at $users users — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  printf '%-40s %8s  %s\n' index MB definition
  psql_ "select relname, round(bytes / 1e6), def from ($indexes) x order by def" |
    while IFS=$'\t' read -r name mb def; do printf '%-40s %8s  %s\n' "$name" "$mb" "$def"; done
  echo
  printf '%-40s %8s\n' "all secondary indexes" "$(psql_ "select round(sum(bytes) / 1e6) from ($indexes) x")"
  printf '%-40s %8s\n' "the four tables' heaps" "$(psql_ "select round(sum(pg_table_size(c.oid)) / 1e6) from pg_class c
    join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'crmbench' and c.relkind = 'r'")"
  echo
  echo "MB: 10^6 bytes; definition: the table and what pg_get_indexdef prints after USING btree."
} | tee reports/index-sizes.txt
