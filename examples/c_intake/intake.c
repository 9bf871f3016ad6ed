/* c_intake [FILE]: one description a line, from FILE or standard input; prints
 * "N<TAB>decision<TAB>B25: categories<TAB>confidence" for each, like the C++
 * and Python examples. Built through pkg-config (see the Makefile):
 *
 *   cc -std=c99 intake.c $(pkg-config --cflags --libs icp_classifier) -o c_intake
 *
 * A real caller would read the JSON with a JSON library; the few fields
 * printed here are found with strstr to keep the example self-contained. */
#include <icp/icp.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text after "KEY": in the JSON, or NULL. */
static const char* field(const char* json, const char* key) {
  char pattern[64];
  const char* at;
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  at = strstr(json, pattern);
  return at ? at + strlen(pattern) : NULL;
}

static void print_answer(int n, const char* json) {
  const char* decision = field(json, "decision");
  const char* categories = field(json, "categories");
  const char* confidence = field(json, "confidence");
  printf("%d\t", n);
  if (decision && *decision == '"') /* "license" */
    for (++decision; *decision && *decision != '"'; ++decision) putchar(*decision);
  printf("\tB25:");
  if (categories && *categories == '[' && categories[1] != ']') { /* [1,3] → " 1 3" */
    putchar(' ');
    for (++categories; *categories && *categories != ']'; ++categories) putchar(*categories == ',' ? ' ' : *categories);
  }
  printf("\t%g\n", confidence ? strtod(confidence, NULL) : 0.0);
}

int main(int argc, char** argv) {
  FILE* in = stdin;
  char line[1 << 16];
  int n = 0;
  icp_classifier* classifier;
  if (argc > 1 && !(in = fopen(argv[1], "r"))) {
    fprintf(stderr, "c_intake: cannot read %s\n", argv[1]);
    return 2;
  }
  classifier = icp_classifier_create(NULL, NULL, 0); /* the built-in lexicon; create once */
  if (!classifier) {
    fprintf(stderr, "c_intake: %s\n", icp_last_error());
    return 1;
  }
  while (fgets(line, sizeof line, in)) {
    size_t length = strcspn(line, "\r\n");
    char* json = icp_classify(classifier, line, length, "en");
    if (!json) {
      fprintf(stderr, "c_intake: line %d: %s\n", n + 1, icp_last_error());
      icp_classifier_destroy(classifier);
      return 1;
    }
    print_answer(++n, json);
    icp_free(json);
  }
  icp_classifier_destroy(classifier);
  if (in != stdin) fclose(in);
  return 0;
}
