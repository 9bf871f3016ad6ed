// What an input that is not CSV text is, told by its first bytes, so that
// the batch command can say what to do instead of echoing binary as rows:
// an Excel workbook (.xlsx is a zip file; .xls an OLE2 compound file), UTF-16
// text (with or without a byte-order mark), a PDF, or other binary data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace icp::cli::batch {

// The reason `head` (the first bytes of the input, up to 64 KiB) cannot be
// read as CSV, with what to do, or nullopt when it may be CSV text (UTF-8 or
// GB18030: neither has NUL bytes).
std::optional<std::string> not_csv(std::string_view head);

}  // namespace icp::cli::batch
