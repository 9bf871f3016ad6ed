import ctypes, json, os, sys  # intake.py [LIBRARY] < descriptions: one a line, via the C API (icp/icp.h)

lib = ctypes.CDLL(sys.argv[1] if len(sys.argv) > 1 else os.environ["ICP_CLASSIFIER_LIB"])
lib.icp_classifier_create.restype = ctypes.c_void_p
lib.icp_classifier_create.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t]
lib.icp_classify.restype = ctypes.c_void_p  # a char* we must hand back to icp_free
lib.icp_classify.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p]
lib.icp_free.argtypes = lib.icp_classifier_destroy.argtypes = [ctypes.c_void_p]
lib.icp_last_error.restype = ctypes.c_char_p
classifier = lib.icp_classifier_create(None, None, 0) or sys.exit(lib.icp_last_error().decode())
for n, line in enumerate(sys.stdin.buffer, 1):
    text = line.rstrip(b"\r\n")
    json_ptr = lib.icp_classify(classifier, text, len(text), b"en") or sys.exit(lib.icp_last_error().decode())
    answer = json.loads(ctypes.string_at(json_ptr))
    lib.icp_free(json_ptr)
    categories = "".join(f" {c}" for c in answer["categories"])
    print(f"{n}\t{answer['decision']}\tB25:{categories}\t{answer['confidence']:g}")
lib.icp_classifier_destroy(classifier)
