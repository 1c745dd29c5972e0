#!/usr/bin/env bash
# apt_install <who> <package…>: installs Debian packages non-interactively, as root or through
# sudo (CI images run as root without sudo; a developer machine usually has sudo).
apt_install() {
  local who=$1
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$who: no apt-get; install $* by hand" >&2
    return 1
  fi
  local sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo_cmd=(sudo)
    else
      echo "$who: not root and no sudo; run: apt-get install -y $*" >&2
      return 1
    fi
  fi
  echo "$who: installing $* with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
