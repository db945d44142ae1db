// fmt's formatting engine, compiled once for the statically linked tools.
//
// Debian ships fmt as a shared library and as headers, but no static archive. A static tool
// could use fmt header-only, but then every unit of the project compiles the whole engine
// again (about 6 of the 7 seconds one small unit takes). Instead every unit is compiled against
// fmt's ordinary declarations, and a static tool links this one unit: fmt's header-only mode
// here, its inline functions emitted by taking their addresses, and its out-of-line templates
// instantiated for the types the declarations name. A tool linked dynamically uses libfmt.so.
#define FMT_HEADER_ONLY 1
#include <fmt/format.h>

template auto fmt::detail::thousands_sep_impl<char>(fmt::detail::locale_ref)
    -> fmt::detail::thousands_sep_result<char>;
template auto fmt::detail::thousands_sep_impl<wchar_t>(fmt::detail::locale_ref)
    -> fmt::detail::thousands_sep_result<wchar_t>;
template auto fmt::detail::decimal_point_impl(fmt::detail::locale_ref) -> char;
template auto fmt::detail::decimal_point_impl(fmt::detail::locale_ref) -> wchar_t;
template auto fmt::detail::dragonbox::to_decimal(float) noexcept -> fmt::detail::dragonbox::decimal_fp<float>;
template auto fmt::detail::dragonbox::to_decimal(double) noexcept -> fmt::detail::dragonbox::decimal_fp<double>;

// The functions fmt defines inline in header-only mode and declares out of line otherwise.
[[gnu::used]] static const void* const kFmtEngineFunctions[] = {
    reinterpret_cast<const void*>(static_cast<std::string (*)(fmt::string_view, fmt::format_args)>(&fmt::vformat)),
    reinterpret_cast<const void*>(static_cast<void (*)(fmt::string_view, fmt::format_args)>(&fmt::vprint)),
    reinterpret_cast<const void*>(static_cast<void (*)(std::FILE*, fmt::string_view, fmt::format_args)>(&fmt::vprint)),
    reinterpret_cast<const void*>(&fmt::detail::throw_format_error),
    reinterpret_cast<const void*>(&fmt::detail::assert_fail),
    reinterpret_cast<const void*>(&fmt::detail::vprint_mojibake),
    reinterpret_cast<const void*>(static_cast<bool (*)(std::uint32_t)>(&fmt::detail::is_printable)),
    reinterpret_cast<const void*>(static_cast<void (*)(std::FILE*, fmt::string_view)>(&fmt::detail::print)),
};
