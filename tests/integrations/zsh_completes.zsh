# zsh_completes.zsh DIR WORDS: prints what zsh's completion system shows when Tab is pressed after
# WORDS in an interactive zsh (driven through a pseudo-terminal with zpty), DIR (holding _orgaudit)
# first on fpath. Escape sequences included: the caller looks for the words it expects.
zmodload zsh/zpty
zpty shell zsh -f -i
zpty -w shell "PS1='> '; fpath=($1 \$fpath); autoload -U compinit; compinit -u; print READY"
zpty -r shell line '*READY*'
sleep 0.5
zpty -w -n shell "$2"$'\t'
sleep 1.5
out=""
while zpty -r -t shell chunk; do out+=$chunk; done
print -r -- "$out"
zpty -d shell
