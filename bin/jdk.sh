# Sourced by the other scripts: picks a JDK 25+ (the build targets Java 25; the machine default may be older) and exports JAVA_HOME.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
pick_jdk() {
	local candidate
	for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
		[[ -n "$candidate" && -x "$candidate/bin/java" ]] || continue
		local major
		major=$(java_major "$candidate")
		if [[ -n "$major" && "$major" -ge 25 ]]; then
			echo "$candidate"
			return 0
		fi
	done
	return 1
}
JAVA_HOME=$(pick_jdk) || { echo "OrderChat needs a JDK 25 or newer; set JAVA_HOME to one." >&2; exit 1; }
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
